/**
 * Observability: logging set-up (text or JSON), Micrometer metrics with a Prometheus scrape
 * endpoint, and per-stage latency histograms (HdrHistogram) reported next to the seed's targets.
 */
package io.github.bsoptions.app.obs;
