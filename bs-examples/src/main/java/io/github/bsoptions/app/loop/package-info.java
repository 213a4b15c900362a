/**
 * The trading loop composed from the artifacts: simulated market (bs-data) -&gt; enrichment and
 * pricing (bs-pricing via bs-signals) -&gt; scoring, forecasts and strategies (bs-signals) -&gt;
 * sizing and pre-trade checks (bs-risk) -&gt; journalled execution on the paper broker (bs-exec),
 * with persistence, metrics, latency and the dashboard from the app.
 */
package io.github.bsoptions.app.loop;
