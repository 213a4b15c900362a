/**
 * Alpaca market data: {@link io.github.bsoptions.data.alpaca.AlpacaMarketDataProvider} (REST and
 * WebSocket) configured by {@link io.github.bsoptions.data.alpaca.AlpacaConfig}; keys from {@code
 * APCA_API_KEY_ID}/{@code APCA_API_SECRET_KEY} only.
 */
package io.github.bsoptions.data.alpaca;
