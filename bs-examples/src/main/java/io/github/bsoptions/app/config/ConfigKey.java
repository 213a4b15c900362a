package io.github.bsoptions.app.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key the application reads, with its default, its environment variable and
 * whether it is a secret. Secrets are read only from the environment: a YAML file that names one is
 * refused, so that credentials never sit in a file that may be committed or copied.
 *
 * <p>The environment variable of a key is {@code BS_} followed by the key upper-cased with dots and
 * dashes turned into underscores ({@code db.url} is {@code BS_DB_URL}).
 */
public enum ConfigKey {
  /** Folder for reports, charts and the embedded database. */
  OUTPUT_DIR("output.dir", "output", false, "Folder for reports, charts and the embedded database"),
  /** Log format: {@code text} or {@code json}. */
  LOG_FORMAT("log.format", "text", false, "Log format: text or json (one JSON object per line)"),
  /** Root log level. */
  LOG_LEVEL("log.level", "INFO", false, "Root log level (TRACE, DEBUG, INFO, WARN, ERROR)"),
  /** JDBC URL; empty means the embedded H2 file under the output folder. */
  DB_URL(
      "db.url",
      "",
      false,
      "JDBC URL; empty: embedded H2 file <output.dir>/data/bs (e.g. jdbc:postgresql://host/db)"),
  /** Database user. */
  DB_USER("db.user", "", false, "Database user (PostgreSQL)"),
  /** Database password (secret). */
  DB_PASSWORD("db.password", "", true, "Database password (secret: environment only)"),
  /** InfluxDB base URL; empty disables the InfluxDB sink. */
  INFLUX_URL(
      "influx.url", "", false, "InfluxDB base URL (e.g. http://localhost:8086); empty: disabled"),
  /** InfluxDB organisation (v2 API). */
  INFLUX_ORG("influx.org", "bs-options", false, "InfluxDB organisation (v2 write API)"),
  /** InfluxDB bucket (v2 API). */
  INFLUX_BUCKET("influx.bucket", "bs-options", false, "InfluxDB bucket (v2 write API)"),
  /** InfluxDB API token (secret). */
  INFLUX_TOKEN("influx.token", "", true, "InfluxDB API token (secret: environment only)"),
  /** Dashboard bind address. */
  DASHBOARD_BIND(
      "dashboard.bind",
      "127.0.0.1",
      false,
      "Dashboard bind address; a non-loopback address needs dashboard.token"),
  /** Dashboard port. */
  DASHBOARD_PORT("dashboard.port", "8080", false, "Dashboard HTTP port (0: any free port)"),
  /** Dashboard access token (secret). */
  DASHBOARD_TOKEN(
      "dashboard.token",
      "",
      true,
      "Token required as ?token= or Authorization: Bearer when bound beyond loopback (secret)"),
  /** Market data source. */
  SOURCE("source", "simulated", false, "Market data source: simulated, replay or alpaca"),
  /** Broker. */
  BROKER("broker", "paper", false, "Broker: paper, alpaca-paper or alpaca-live"),
  /** Alpaca API key id (secret). */
  ALPACA_KEY_ID("alpaca.key-id", "", true, "Alpaca API key id (secret: environment only)"),
  /** Alpaca API secret key (secret). */
  ALPACA_SECRET_KEY(
      "alpaca.secret-key", "", true, "Alpaca API secret key (secret: environment only)"),
  /** Underlying symbols. */
  SYMBOLS("symbols", "SPY", false, "Comma-separated underlying symbols"),
  /** Random seed of the simulated market. */
  SEED("seed", "42", false, "Seed of the simulated market (same seed, same run)");

  private final String key;
  private final String defaultValue;
  private final boolean secret;
  private final String description;

  ConfigKey(String key, String defaultValue, boolean secret, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
  }

  /** Returns the dotted key as written in YAML ({@code db.url}). */
  public String key() {
    return key;
  }

  /** Returns the default value (empty string for none). */
  public String defaultValue() {
    return defaultValue;
  }

  /** Returns true when the value may come only from the environment. */
  public boolean secret() {
    return secret;
  }

  /** Returns a one-line description for documentation and {@code --help}. */
  public String description() {
    return description;
  }

  /** Returns the environment variable that overrides this key. */
  public String envVar() {
    return "BS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Returns the key with the given dotted name. */
  public static Optional<ConfigKey> byKey(String key) {
    for (ConfigKey k : values()) {
      if (k.key.equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
