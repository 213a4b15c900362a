package io.github.bsoptions.app.store;

import io.github.bsoptions.app.config.AppConfig;
import io.github.bsoptions.app.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TradingStore} on one JDBC connection (H2 or PostgreSQL), schema managed by Flyway
 * migrations in {@code db/migration}. Calls are serialized on the connection.
 */
public final class JdbcTradingStore implements TradingStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTradingStore.class);

  private final Connection conn;
  private final String url;

  private JdbcTradingStore(Connection conn, String url) {
    this.conn = conn;
    this.url = url;
  }

  /**
   * Opens the store the configuration names: {@code db.url}, or the embedded H2 file {@code
   * <output.dir>/data/bs} when it is empty. Migrates the schema first.
   */
  public static JdbcTradingStore open(AppConfig config) {
    String url = config.get(ConfigKey.DB_URL);
    if (url.isEmpty()) {
      Path dir = config.outputDir().resolve("data").toAbsolutePath();
      try {
        Files.createDirectories(dir);
      } catch (java.io.IOException e) {
        throw new StoreException("cannot create database folder " + dir, e);
      }
      url = embeddedUrl(dir.resolve("bs"));
    }
    return open(url, config.get(ConfigKey.DB_USER), config.get(ConfigKey.DB_PASSWORD));
  }

  /** Returns the JDBC URL of an embedded H2 database in file {@code base} (without suffix). */
  public static String embeddedUrl(Path base) {
    return "jdbc:h2:file:" + base.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * Returns the JDBC URL of the embedded HSQLDB database in files {@code base.*} that holds the
   * execution journals (bs-exec's {@code JdbcJournal}, which sets HSQLDB's write delay to none:
   * each commit is one append to the database's log and one fsync before it returns, so a committed
   * record survives a power loss). The journal is not on H2 because every durable H2 commit writes
   * a new store chunk of 16-20 KB and does its work on H2's writer threads: about four times one
   * device flush per order, against HSQLDB's one (docs/performance.md, "Durable submission path,
   * fourth pass"). The database closes with its last connection; HSQLDB's lock file keeps a second
   * process out, and after a crash the next open waits a few seconds for its stale lock.
   */
  public static String embeddedJournalUrl(Path base) {
    return "jdbc:hsqldb:file:" + base.toAbsolutePath() + ";shutdown=true";
  }

  /** Opens a store on a JDBC URL; migrates the schema first. */
  public static JdbcTradingStore open(String url, String user, String password) {
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "url must start with jdbc:h2: or jdbc:postgresql:, was " + redact(url));
    }
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Properties p = new Properties();
    if (!user.isEmpty()) {
      p.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      p.setProperty("password", password);
    }
    try {
      Connection c = DriverManager.getConnection(url, p);
      c.setAutoCommit(true);
      LOG.info("trading store open: {}", redact(url));
      return new JdbcTradingStore(c, redact(url));
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + redact(url), e);
    }
  }

  /** Removes query parameters (which may carry passwords) from a JDBC URL. */
  static String redact(String url) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    return base.replaceAll("(?i)password=[^;&]*", "password=***");
  }

  @Override
  public String describe() {
    try {
      return conn.getMetaData().getDatabaseProductName() + " " + url;
    } catch (SQLException e) {
      return url;
    }
  }

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, OffsetDateTime.class).toInstant();
  }

  private static void setNullable(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isNaN(v)) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static double nullable(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? Double.NaN : v;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  private synchronized <T> T db(String what, Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException(what + " failed on " + url + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void saveOrder(StoredOrder o) {
    db(
        "saveOrder",
        () -> {
          try (PreparedStatement up =
              conn.prepareStatement(
                  "UPDATE orders SET created_at=?, updated_at=?, symbol=?, side=?, quantity=?,"
                      + " order_type=?, limit_price=?, status=?, broker=?, strategy=?"
                      + " WHERE client_order_id=?")) {
            bindOrder(up, o, 1);
            up.setString(11, o.clientOrderId());
            if (up.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement ins =
              conn.prepareStatement(
                  "INSERT INTO orders (created_at, updated_at, symbol, side, quantity, order_type,"
                      + " limit_price, status, broker, strategy, client_order_id)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            bindOrder(ins, o, 1);
            ins.setString(11, o.clientOrderId());
            ins.executeUpdate();
          }
          return null;
        });
  }

  private static void bindOrder(PreparedStatement ps, StoredOrder o, int i) throws SQLException {
    ps.setObject(i, ts(o.createdAt()));
    ps.setObject(i + 1, ts(o.updatedAt()));
    ps.setString(i + 2, o.symbol());
    ps.setString(i + 3, o.side());
    ps.setDouble(i + 4, o.quantity());
    ps.setString(i + 5, o.orderType());
    setNullable(ps, i + 6, o.limitPrice());
    ps.setString(i + 7, o.status());
    ps.setString(i + 8, o.broker());
    ps.setString(i + 9, o.strategy());
  }

  @Override
  public void updateOrderStatus(String clientOrderId, String status, Instant at) {
    Records.text(status, "status", 24);
    Records.notNull(at, "at");
    int n =
        db(
            "updateOrderStatus",
            () -> {
              try (PreparedStatement ps =
                  conn.prepareStatement(
                      "UPDATE orders SET status=?, updated_at=? WHERE client_order_id=?")) {
                ps.setString(1, status);
                ps.setObject(2, ts(at));
                ps.setString(3, clientOrderId);
                return ps.executeUpdate();
              }
            });
    if (n != 1) {
      throw new StoreException("no order with clientOrderId '" + clientOrderId + "'");
    }
  }

  private static StoredOrder readOrder(ResultSet rs) throws SQLException {
    return new StoredOrder(
        rs.getString("client_order_id"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("symbol"),
        rs.getString("side"),
        rs.getDouble("quantity"),
        rs.getString("order_type"),
        nullable(rs, "limit_price"),
        rs.getString("status"),
        rs.getString("broker"),
        rs.getString("strategy"));
  }

  @Override
  public Optional<StoredOrder> order(String clientOrderId) {
    return db(
        "order",
        () -> {
          try (PreparedStatement ps =
              conn.prepareStatement("SELECT * FROM orders WHERE client_order_id=?")) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(readOrder(rs)) : Optional.<StoredOrder>empty();
            }
          }
        });
  }

  @Override
  public List<StoredOrder> orders() {
    return query(
        "orders",
        "SELECT * FROM orders ORDER BY created_at, client_order_id",
        ps -> {},
        JdbcTradingStore::readOrder);
  }

  @Override
  public void saveFill(StoredFill f) {
    db(
        "saveFill",
        () -> {
          try (PreparedStatement check =
              conn.prepareStatement("SELECT 1 FROM fills WHERE fill_id=?")) {
            check.setString(1, f.fillId());
            try (ResultSet rs = check.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO fills (fill_id, client_order_id, filled_at, symbol, side, quantity,"
                      + " price, fee) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, f.fillId());
            ps.setString(2, f.clientOrderId());
            ps.setObject(3, ts(f.filledAt()));
            ps.setString(4, f.symbol());
            ps.setString(5, f.side());
            ps.setDouble(6, f.quantity());
            ps.setDouble(7, f.price());
            ps.setDouble(8, f.fee());
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static StoredFill readFill(ResultSet rs) throws SQLException {
    return new StoredFill(
        rs.getString("fill_id"),
        rs.getString("client_order_id"),
        instant(rs, "filled_at"),
        rs.getString("symbol"),
        rs.getString("side"),
        rs.getDouble("quantity"),
        rs.getDouble("price"),
        rs.getDouble("fee"));
  }

  @Override
  public List<StoredFill> fills(String clientOrderId) {
    return query(
        "fills",
        "SELECT * FROM fills WHERE client_order_id=? ORDER BY filled_at, fill_id",
        ps -> ps.setString(1, clientOrderId),
        JdbcTradingStore::readFill);
  }

  @Override
  public List<StoredFill> fills() {
    return query(
        "fills",
        "SELECT * FROM fills ORDER BY filled_at, fill_id",
        ps -> {},
        JdbcTradingStore::readFill);
  }

  @Override
  public void savePosition(StoredPosition p) {
    db(
        "savePosition",
        () -> {
          try (PreparedStatement up =
              conn.prepareStatement(
                  "UPDATE positions SET quantity=?, average_price=?, realized_pnl=?, updated_at=?"
                      + " WHERE symbol=?")) {
            up.setDouble(1, p.quantity());
            up.setDouble(2, p.averagePrice());
            up.setDouble(3, p.realizedPnl());
            up.setObject(4, ts(p.updatedAt()));
            up.setString(5, p.symbol());
            if (up.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement ins =
              conn.prepareStatement(
                  "INSERT INTO positions (quantity, average_price, realized_pnl, updated_at,"
                      + " symbol) VALUES (?,?,?,?,?)")) {
            ins.setDouble(1, p.quantity());
            ins.setDouble(2, p.averagePrice());
            ins.setDouble(3, p.realizedPnl());
            ins.setObject(4, ts(p.updatedAt()));
            ins.setString(5, p.symbol());
            ins.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<StoredPosition> positions() {
    return query(
        "positions",
        "SELECT * FROM positions ORDER BY symbol",
        ps -> {},
        rs ->
            new StoredPosition(
                rs.getString("symbol"),
                rs.getDouble("quantity"),
                rs.getDouble("average_price"),
                rs.getDouble("realized_pnl"),
                instant(rs, "updated_at")));
  }

  @Override
  public void saveSignal(StoredSignal s) {
    db(
        "saveSignal",
        () -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO signals (created_at, symbol, strategy, direction, score,"
                      + " probability, details) VALUES (?,?,?,?,?,?,?)")) {
            ps.setObject(1, ts(s.createdAt()));
            ps.setString(2, s.symbol());
            ps.setString(3, s.strategy());
            ps.setString(4, s.direction());
            ps.setDouble(5, s.score());
            setNullable(ps, 6, s.probability());
            ps.setString(7, s.details());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<StoredSignal> latestSignals(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0, was " + limit);
    }
    return query(
        "latestSignals",
        "SELECT * FROM signals ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY",
        ps -> ps.setInt(1, limit),
        rs ->
            new StoredSignal(
                instant(rs, "created_at"),
                rs.getString("symbol"),
                rs.getString("strategy"),
                rs.getString("direction"),
                rs.getDouble("score"),
                nullable(rs, "probability"),
                rs.getString("details")));
  }

  @Override
  public void saveForecast(StoredForecast f) {
    db(
        "saveForecast",
        () -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO forecasts (created_at, underlying, model, model_version,"
                      + " horizon_days, forecast_vol, realized_vol) VALUES (?,?,?,?,?,?,?)")) {
            ps.setObject(1, ts(f.createdAt()));
            ps.setString(2, f.underlying());
            ps.setString(3, f.model());
            ps.setString(4, f.modelVersion());
            ps.setInt(5, f.horizonDays());
            ps.setDouble(6, f.forecastVol());
            setNullable(ps, 7, f.realizedVol());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<StoredForecast> forecasts() {
    return query(
        "forecasts",
        "SELECT * FROM forecasts ORDER BY created_at, id",
        ps -> {},
        rs ->
            new StoredForecast(
                instant(rs, "created_at"),
                rs.getString("underlying"),
                rs.getString("model"),
                rs.getString("model_version"),
                rs.getInt("horizon_days"),
                rs.getDouble("forecast_vol"),
                nullable(rs, "realized_vol")));
  }

  @Override
  public void writePnl(PnlSnapshot s) {
    db(
        "writePnl",
        () -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO pnl_snapshots (taken_at, equity, cash, realized, unrealized,"
                      + " net_delta, net_gamma, net_vega, net_theta) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, ts(s.takenAt()));
            ps.setDouble(2, s.equity());
            ps.setDouble(3, s.cash());
            ps.setDouble(4, s.realized());
            ps.setDouble(5, s.unrealized());
            ps.setDouble(6, s.netDelta());
            ps.setDouble(7, s.netGamma());
            ps.setDouble(8, s.netVega());
            ps.setDouble(9, s.netTheta());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<PnlSnapshot> pnl(Instant from, Instant to) {
    return query(
        "pnl",
        "SELECT * FROM pnl_snapshots WHERE taken_at >= ? AND taken_at < ? ORDER BY taken_at",
        ps -> {
          ps.setObject(1, ts(from));
          ps.setObject(2, ts(to));
        },
        rs ->
            new PnlSnapshot(
                instant(rs, "taken_at"),
                rs.getDouble("equity"),
                rs.getDouble("cash"),
                rs.getDouble("realized"),
                rs.getDouble("unrealized"),
                rs.getDouble("net_delta"),
                rs.getDouble("net_gamma"),
                rs.getDouble("net_vega"),
                rs.getDouble("net_theta")));
  }

  @Override
  public void writeQuotes(List<QuotePoint> points) {
    if (points.isEmpty()) {
      return;
    }
    db(
        "writeQuotes",
        () -> {
          conn.setAutoCommit(false);
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO quote_series (observed_at, symbol, bid, ask, underlying_price,"
                      + " implied_vol, delta, gamma, vega, theta) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (QuotePoint q : points) {
              ps.setObject(1, ts(q.observedAt()));
              ps.setString(2, q.symbol());
              ps.setDouble(3, q.bid());
              ps.setDouble(4, q.ask());
              ps.setDouble(5, q.underlyingPrice());
              setNullable(ps, 6, q.impliedVol());
              setNullable(ps, 7, q.delta());
              setNullable(ps, 8, q.gamma());
              setNullable(ps, 9, q.vega());
              setNullable(ps, 10, q.theta());
              ps.addBatch();
            }
            ps.executeBatch();
            conn.commit();
          } catch (SQLException e) {
            conn.rollback();
            throw e;
          } finally {
            conn.setAutoCommit(true);
          }
          return null;
        });
  }

  @Override
  public List<QuotePoint> quotes(String symbol, Instant from, Instant to) {
    return query(
        "quotes",
        "SELECT * FROM quote_series WHERE symbol=? AND observed_at >= ? AND observed_at < ?"
            + " ORDER BY observed_at",
        ps -> {
          ps.setString(1, symbol);
          ps.setObject(2, ts(from));
          ps.setObject(3, ts(to));
        },
        rs ->
            new QuotePoint(
                instant(rs, "observed_at"),
                rs.getString("symbol"),
                rs.getDouble("bid"),
                rs.getDouble("ask"),
                rs.getDouble("underlying_price"),
                nullable(rs, "implied_vol"),
                nullable(rs, "delta"),
                nullable(rs, "gamma"),
                nullable(rs, "vega"),
                nullable(rs, "theta")));
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String what, String sql, Binder binder, Reader<T> reader) {
    return db(
        what,
        () -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              List<T> out = new ArrayList<>();
              while (rs.next()) {
                out.add(reader.read(rs));
              }
              return out;
            }
          }
        });
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw new StoreException("close failed on " + url, e);
    }
  }

  @Override
  public String toString() {
    return "JdbcTradingStore{" + url + "}";
  }
}
