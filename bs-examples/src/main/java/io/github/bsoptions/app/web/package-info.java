/**
 * The web dashboard: {@link io.github.bsoptions.app.web.DashboardState} (what the trading loop
 * publishes), {@link io.github.bsoptions.app.web.DashboardServer} (static pages, JSON endpoints,
 * server-sent events, Prometheus metrics) and the view records it shows.
 */
package io.github.bsoptions.app.web;
