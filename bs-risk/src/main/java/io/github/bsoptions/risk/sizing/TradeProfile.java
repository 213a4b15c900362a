package io.github.bsoptions.risk.sizing;

import io.github.bsoptions.risk.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * What one contract (or one spread unit) of a trade can do: its worst-case loss, the buying power
 * it uses, and its outcome distribution as returns per unit of worst-case loss.
 *
 * @param maxLossPerContract the most one contract can lose, in currency ({@code > 0}); the Kelly
 *     stake unit
 * @param costPerContract buying power one contract uses, in currency ({@code >= 0})
 * @param outcomes the outcome distribution, returns relative to {@code maxLossPerContract}
 */
public record TradeProfile(
    double maxLossPerContract, double costPerContract, List<Outcome> outcomes) {

  /** Validates the profile. */
  public TradeProfile {
    Checks.positive(maxLossPerContract, "maxLossPerContract");
    Checks.nonNegative(costPerContract, "costPerContract");
    Checks.notNull(outcomes, "outcomes");
    outcomes = List.copyOf(outcomes);
    if (outcomes.isEmpty()) {
      throw new IllegalArgumentException("outcomes must not be empty");
    }
  }

  /**
   * Returns a two-outcome profile from a probability of profit: with probability {@code pop} the
   * contract makes {@code winPerContract}, otherwise it loses {@code lossPerContract}.
   *
   * @param pop probability of profit, in {@code [0, 1]}
   * @param winPerContract profit on a win, in currency ({@code > 0})
   * @param lossPerContract loss otherwise, in currency ({@code > 0}; the max loss)
   * @param costPerContract buying power per contract
   */
  public static TradeProfile binary(
      double pop, double winPerContract, double lossPerContract, double costPerContract) {
    Checks.positive(winPerContract, "winPerContract");
    Checks.positive(lossPerContract, "lossPerContract");
    Checks.inRange(pop, 0, 1, "pop");
    return new TradeProfile(
        lossPerContract,
        costPerContract,
        List.of(new Outcome(pop, winPerContract / lossPerContract), new Outcome(1 - pop, -1.0)));
  }

  /**
   * Returns a profile from a P&amp;L distribution per contract (e.g. the expiry payoff minus
   * premium at a set of terminal prices with their probabilities). The worst P&amp;L must be a
   * loss; it becomes the max loss.
   *
   * @param probabilities probabilities (summing to 1)
   * @param pnlPerContract P&amp;L per contract in each outcome, in currency
   * @param costPerContract buying power per contract
   */
  public static TradeProfile fromPnl(
      double[] probabilities, double[] pnlPerContract, double costPerContract) {
    Checks.notNull(probabilities, "probabilities");
    Checks.notNull(pnlPerContract, "pnlPerContract");
    if (probabilities.length != pnlPerContract.length || probabilities.length == 0) {
      throw new IllegalArgumentException(
          "probabilities and pnlPerContract must have the same non-zero length, were "
              + probabilities.length
              + " and "
              + pnlPerContract.length);
    }
    double worst = Double.POSITIVE_INFINITY;
    for (int i = 0; i < pnlPerContract.length; i++) {
      Checks.finite(pnlPerContract[i], "pnlPerContract[" + i + "]");
      if (probabilities[i] > 0) {
        worst = Math.min(worst, pnlPerContract[i]);
      }
    }
    if (!(worst < 0)) {
      throw new IllegalArgumentException(
          "the P&L distribution has no losing outcome (worst " + worst + "): size it by caps");
    }
    double maxLoss = -worst;
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < pnlPerContract.length; i++) {
      out.add(new Outcome(probabilities[i], pnlPerContract[i] / maxLoss));
    }
    return new TradeProfile(maxLoss, costPerContract, out);
  }

  /** Returns the expected P&amp;L per contract, in currency. */
  public double expectedPnl() {
    double e = 0;
    for (Outcome o : outcomes) {
      e += o.probability() * o.returnPerUnit();
    }
    return e * maxLossPerContract;
  }
}
