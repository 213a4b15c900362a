package io.github.bsoptions.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    Path p = dir.resolve("bs.yaml");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void defaultsWithoutFileOrEnvironment() {
    AppConfig c = AppConfig.load(null, k -> null);
    assertThat(c.get(ConfigKey.DASHBOARD_BIND)).isEqualTo("127.0.0.1");
    assertThat(c.getInt(ConfigKey.DASHBOARD_PORT)).isEqualTo(8080);
    assertThat(c.get(ConfigKey.DB_URL)).isEmpty();
    assertThat(c.origin(ConfigKey.DB_URL)).isEqualTo("default");
  }

  @Test
  void yamlNestedAndDottedKeysThenEnvironmentWins() throws IOException {
    Path p =
        yaml(
            "db:\n  url: jdbc:postgresql://localhost/bs\n  user: trader\n"
                + "dashboard.port: 9090\nsymbols: [SPY, QQQ]\nlog:\n  format: json\n");
    Map<String, String> env = Map.of("BS_DB_USER", "ops", "BS_DB_PASSWORD", "pw-from-env");
    AppConfig c = AppConfig.load(p, env::get);
    assertThat(c.get(ConfigKey.DB_URL)).isEqualTo("jdbc:postgresql://localhost/bs");
    assertThat(c.get(ConfigKey.DB_USER)).isEqualTo("ops");
    assertThat(c.origin(ConfigKey.DB_USER)).isEqualTo("env BS_DB_USER");
    assertThat(c.getInt(ConfigKey.DASHBOARD_PORT)).isEqualTo(9090);
    assertThat(c.get(ConfigKey.SYMBOLS)).isEqualTo("SPY,QQQ");
    assertThat(c.get(ConfigKey.LOG_FORMAT)).isEqualTo("json");
    assertThat(c.get(ConfigKey.DB_PASSWORD)).isEqualTo("pw-from-env");
  }

  @Test
  void secretsInFileAreRefusedAndNeverPrinted() throws IOException {
    Path p = yaml("alpaca:\n  secret-key: SHOULD-NOT-BE-HERE\n");
    assertThatThrownBy(() -> AppConfig.load(p, k -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alpaca.secret-key")
        .hasMessageContaining("BS_ALPACA_SECRET_KEY")
        .hasMessageNotContaining("SHOULD-NOT-BE-HERE");
    AppConfig c =
        AppConfig.load(
            null, Map.of("BS_ALPACA_SECRET_KEY", "s3cr3t-value", "BS_INFLUX_TOKEN", "tk-123")::get);
    assertThat(c.toString())
        .doesNotContain("s3cr3t-value")
        .doesNotContain("tk-123")
        .contains("alpaca.secret-key=<set>");
  }

  @Test
  void everyProblemIsListed() throws IOException {
    Path p = yaml("dashboard:\n  port: 99999\nlog.format: xml\nnot.a.key: 1\n");
    assertThatThrownBy(() -> AppConfig.load(p, Map.of("BS_SEED", "abc")::get))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(s -> assertThat(s).contains("dashboard.port").contains("99999"))
                    .anySatisfy(s -> assertThat(s).contains("log.format").contains("xml"))
                    .anySatisfy(s -> assertThat(s).contains("not.a.key"))
                    .anySatisfy(s -> assertThat(s).contains("seed").contains("abc")));
  }

  @Test
  void envVarNames() {
    assertThat(ConfigKey.DB_URL.envVar()).isEqualTo("BS_DB_URL");
    assertThat(ConfigKey.ALPACA_KEY_ID.envVar()).isEqualTo("BS_ALPACA_KEY_ID");
  }

  @Test
  void readmeDocumentsEveryKey() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(readme).contains("`" + k.key() + "`").contains("`" + k.envVar() + "`");
    }
  }
}
