package io.github.bsoptions.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bsoptions.app.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2TradingStoreTest extends TradingStoreContract {
  @TempDir Path dir;
  private JdbcTradingStore store;

  @BeforeEach
  void open() {
    store = JdbcTradingStore.open(JdbcTradingStore.embeddedUrl(dir.resolve("t")), "", "");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  TradingStore store() {
    return store;
  }

  @Test
  void defaultConfigurationIsAnEmbeddedFileUnderTheOutputFolderAndSurvivesReopen() {
    AppConfig c = AppConfig.load(null, Map.of("BS_OUTPUT_DIR", dir.resolve("out").toString())::get);
    try (JdbcTradingStore s = JdbcTradingStore.open(c)) {
      assertThat(s.describe()).startsWith("H2");
      s.savePosition(new StoredPosition("SPY", 1, 2, 3, T0));
    }
    assertThat(Files.exists(dir.resolve("out/data/bs.mv.db"))).isTrue();
    try (JdbcTradingStore s = JdbcTradingStore.open(c)) {
      assertThat(s.positions()).hasSize(1);
    }
  }

  @Test
  void urlPasswordsAreRedacted() {
    assertThat(JdbcTradingStore.redact("jdbc:postgresql://h/db?user=a&password=secret"))
        .isEqualTo("jdbc:postgresql://h/db");
    assertThat(JdbcTradingStore.redact("jdbc:h2:mem:x;PASSWORD=secret")).doesNotContain("secret");
  }
}
