package io.github.bsoptions.app.store;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JDBC data sources for the databases the app uses: H2 (the embedded store), HSQLDB (the embedded
 * execution journal) and PostgreSQL (both, when configured).
 */
public final class DataSources {
  private DataSources() {}

  /**
   * Returns a data source for an H2, HSQLDB or PostgreSQL JDBC URL.
   *
   * @param url {@code jdbc:h2:...}, {@code jdbc:hsqldb:...} or {@code jdbc:postgresql:...}
   * @param user user name (empty for none)
   * @param password password (empty for none)
   * @throws IllegalArgumentException naming {@code db.url} for any other URL
   */
  public static DataSource of(String url, String user, String password) {
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(url);
      if (!user.isEmpty()) {
        ds.setUser(user);
      }
      if (!password.isEmpty()) {
        ds.setPassword(password);
      }
      return ds;
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      ds.setUser(user);
      ds.setPassword(password);
      return ds;
    }
    if (url.startsWith("jdbc:hsqldb:")) {
      JDBCDataSource ds = new JDBCDataSource();
      ds.setUrl(url);
      ds.setUser(user.isEmpty() ? "SA" : user);
      ds.setPassword(password);
      return ds;
    }
    throw new IllegalArgumentException(
        "db.url must start with jdbc:h2: or jdbc:postgresql:, was " + url);
  }
}
