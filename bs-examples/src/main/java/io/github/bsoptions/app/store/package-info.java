/**
 * Persistence: the app's records ({@link io.github.bsoptions.app.store.TradingStore}) in one JDBC
 * database with Flyway migrations (embedded H2 by default, PostgreSQL when configured), and
 * quote/greek/P&amp;L time series to the same database and, when configured, to InfluxDB ({@link
 * io.github.bsoptions.app.store.TimeSeriesSink}).
 */
package io.github.bsoptions.app.store;
