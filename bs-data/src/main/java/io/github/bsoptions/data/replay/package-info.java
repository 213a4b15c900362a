/**
 * Recording and replay: {@link io.github.bsoptions.data.replay.RecordingMarketData} (a decorator
 * writing the {@link io.github.bsoptions.data.replay.RecordingFormat} JSON-lines file), {@link
 * io.github.bsoptions.data.replay.ReplayProvider} (replays it in recorded order, as fast as
 * possible or at a speed factor) and {@link io.github.bsoptions.data.replay.ChainCsv} (CSV import
 * of chains, CSV export of enriched chains).
 */
package io.github.bsoptions.data.replay;
