package io.github.bsoptions.data.failover;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of data may be served from the cache. {@link Duration#ZERO} disables caching
 * for that kind. A caller can ask for fresher data per call (see {@link
 * FailoverMarketData#optionChain(io.github.bsoptions.data.model.OptionChainQuery, Duration)}).
 *
 * @param quotes latest stock and option quotes and trades, stock snapshots
 * @param chains option chain snapshots
 * @param contracts listed option contracts
 * @param history bars and historical trades
 * @param maxEntries cache size bound
 */
public record CachePolicy(
    Duration quotes, Duration chains, Duration contracts, Duration history, long maxEntries) {

  /** Quotes 1 s, chains 5 s, contracts 10 min, history 1 min, 10,000 entries. */
  public static final CachePolicy DEFAULT =
      new CachePolicy(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(1),
          10_000);

  /** No caching. */
  public static final CachePolicy NONE =
      new CachePolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1);

  /** Validates the policy. */
  public CachePolicy {
    for (Duration d : new Duration[] {quotes, chains, contracts, history}) {
      Objects.requireNonNull(d, "ttl");
      if (d.isNegative()) {
        throw new IllegalArgumentException("TTLs must be >= 0, was " + d);
      }
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, was " + maxEntries);
    }
  }
}
