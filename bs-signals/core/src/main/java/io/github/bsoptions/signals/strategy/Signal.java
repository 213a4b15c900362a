package io.github.bsoptions.signals.strategy;

import io.github.bsoptions.signals.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trade proposal from a {@link Strategy}.
 *
 * <p>Prices are per share; multiply by the contract multiplier (100 for US equity options) for
 * dollars. {@code netPrice} is the signed cost of the whole structure: positive is a debit paid,
 * negative a credit received. The entry limit is that net price (mid-based); executors may work
 * around it.
 *
 * @param strategy name of the strategy that made it
 * @param underlying the underlying symbol
 * @param structure human-readable structure, e.g. {@code "iron condor"}, {@code "long straddle"}
 * @param legs the legs (at least one)
 * @param netPrice net debit (positive) or credit (negative) per share at the mids
 * @param exit exit rules
 * @param confidence confidence in [0, 1]
 * @param probabilityOfProfit probability of profit at expiry under the forecast volatility
 * @param expectedProfit expected profit at expiry per share under the forecast volatility
 * @param maxLoss the largest loss per share at expiry ({@code +Infinity} when unbounded)
 * @param rationale one line on why
 * @param asOf when the signal was made
 */
public record Signal(
    String strategy,
    String underlying,
    String structure,
    List<SignalLeg> legs,
    double netPrice,
    ExitRules exit,
    double confidence,
    double probabilityOfProfit,
    double expectedProfit,
    double maxLoss,
    String rationale,
    Instant asOf) {

  /** Validates and copies. */
  public Signal {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(structure, "structure");
    legs = List.copyOf(legs);
    if (legs.isEmpty()) {
      throw new IllegalArgumentException("legs must not be empty");
    }
    Checks.finite(netPrice, "netPrice");
    Objects.requireNonNull(exit, "exit");
    Checks.inRange(confidence, 0, 1, "confidence");
    Checks.inRange(probabilityOfProfit, 0, 1, "probabilityOfProfit");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(asOf, "asOf");
  }

  /** Returns whether the structure is opened for a credit. */
  public boolean isCredit() {
    return netPrice < 0;
  }
}
