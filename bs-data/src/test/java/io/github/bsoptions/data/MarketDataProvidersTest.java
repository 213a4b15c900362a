package io.github.bsoptions.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bsoptions.data.error.DataException;
import io.github.bsoptions.data.model.OptionChainQuery;
import io.github.bsoptions.data.spi.MarketDataProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketDataProvidersTest {
  @Test
  void discoversBuiltInProvidersWithServiceLoader() {
    assertThat(MarketDataProviders.names()).contains("simulated", "alpaca", "massive");
    try (MarketDataProvider sim =
        MarketDataProviders.create("simulated", Map.of("SIM_SYMBOLS", "SPY:500:0.2"))) {
      assertThat(sim.optionChain(OptionChainQuery.all("SPY")).options()).isNotEmpty();
    }
    assertThatThrownBy(() -> MarketDataProviders.create("alpaca", Map.of()))
        .isInstanceOf(DataException.Authentication.class)
        .hasMessageContaining("APCA_API_KEY_ID");
    assertThatThrownBy(() -> MarketDataProviders.create("nope", Map.of()))
        .hasMessageContaining("known");
  }
}
