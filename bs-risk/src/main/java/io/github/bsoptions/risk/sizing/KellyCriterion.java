package io.github.bsoptions.risk.sizing;

import io.github.bsoptions.risk.internal.Checks;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Kelly-optimal fractions: the share of wealth to put at risk that maximizes the expected logarithm
 * of wealth. Pure functions; negative edges give 0 (never bet against the signal).
 */
public final class KellyCriterion {
  private static final int MAX_ITERATIONS = 200;

  private KellyCriterion() {}

  /**
   * Returns the Kelly fraction of a bet that wins {@code winReturn} per unit staked with
   * probability {@code p} and loses {@code lossFraction} of the stake otherwise: {@code f = p / a -
   * (1 - p) / b}, floored at 0 (for {@code a = 1} this is the classic {@code p - q / b}).
   *
   * @param p probability of winning, in {@code [0, 1]}
   * @param winReturn profit per unit staked on a win ({@code b > 0})
   * @param lossFraction fraction of the stake lost otherwise ({@code a} in {@code (0, 1]})
   */
  public static double binary(double p, double winReturn, double lossFraction) {
    Checks.inRange(p, 0, 1, "p");
    Checks.positive(winReturn, "winReturn");
    Checks.inRange(lossFraction, Double.MIN_VALUE, 1, "lossFraction");
    return Math.max(0.0, p / lossFraction - (1 - p) / winReturn);
  }

  /**
   * Returns the Kelly fraction for a Gaussian excess return: {@code (mu - r) / sigma^2}, floored at
   * 0 (the continuous-time limit; may exceed 1, which means leverage).
   *
   * @param mu expected return per year
   * @param riskFree risk-free rate per year
   * @param sigma volatility per square root of a year ({@code > 0})
   */
  public static double continuous(double mu, double riskFree, double sigma) {
    Checks.finite(mu, "mu");
    Checks.finite(riskFree, "riskFree");
    Checks.positive(sigma, "sigma");
    return Math.max(0.0, (mu - riskFree) / (sigma * sigma));
  }

  /**
   * Returns the fraction {@code f} in {@code [0, fMax)} that maximizes the expected log growth
   * {@code G(f) = sum p_i log(1 + f r_i)} over discrete outcomes (probabilities must sum to 1
   * within 1e-9). {@code G'} is decreasing, so its root is found by bisection to 1e-12; when every
   * return is at least {@code -1} and the worst is exactly {@code -1}, {@code fMax = 1}; when no
   * outcome loses, the answer is unbounded and {@code Double.POSITIVE_INFINITY} is returned (cap it
   * with {@link KellySizer}).
   */
  public static double discrete(List<Outcome> outcomes) {
    Checks.notNull(outcomes, "outcomes");
    if (outcomes.isEmpty()) {
      throw new IllegalArgumentException("outcomes must not be empty");
    }
    double sum = 0;
    double worst = Double.POSITIVE_INFINITY;
    double mean = 0;
    for (Outcome o : outcomes) {
      sum += o.probability();
      mean += o.probability() * o.returnPerUnit();
      if (o.probability() > 0) {
        worst = Math.min(worst, o.returnPerUnit());
      }
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("outcome probabilities must sum to 1, was " + sum);
    }
    if (mean <= 0) {
      return 0.0;
    }
    if (worst >= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double lo = 0;
    double hi = -1.0 / worst; // G' -> -infinity as f -> hi
    for (int i = 0; i < MAX_ITERATIONS && hi - lo > 1e-12; i++) {
      double mid = 0.5 * (lo + hi);
      if (growthDerivative(outcomes, mid) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Returns the expected log growth {@code sum p_i log(1 + f r_i)} of betting {@code f}. */
  public static double growthRate(List<Outcome> outcomes, double f) {
    double g = 0;
    for (Outcome o : outcomes) {
      if (o.probability() > 0) {
        g += o.probability() * Math.log1p(f * o.returnPerUnit());
      }
    }
    return g;
  }

  private static double growthDerivative(List<Outcome> outcomes, double f) {
    double d = 0;
    for (Outcome o : outcomes) {
      if (o.probability() > 0) {
        d += o.probability() * o.returnPerUnit() / (1 + f * o.returnPerUnit());
      }
    }
    return d;
  }

  /**
   * Returns multi-asset Kelly weights {@code f = Sigma^-1 (mu - r)} (continuous-time,
   * unconstrained: weights may be negative or sum above 1). A singular or ill-conditioned
   * covariance is regularized by adding {@code 1e-10 * trace / n} (then tenfold more, up to 1e-4)
   * to the diagonal; {@link MultiAssetKelly#ridge()} reports what was added.
   *
   * @param mu expected returns per year
   * @param riskFree risk-free rate per year
   * @param covariance covariance of returns per year, symmetric {@code n x n}
   */
  public static MultiAssetKelly multiAsset(double[] mu, double riskFree, double[][] covariance) {
    Checks.notNull(mu, "mu");
    Checks.notNull(covariance, "covariance");
    int n = mu.length;
    if (n == 0 || covariance.length != n) {
      throw new IllegalArgumentException(
          "covariance must be " + n + " x " + n + " and non-empty, was " + covariance.length);
    }
    DMatrixRMaj cov = new DMatrixRMaj(n, n);
    double trace = 0;
    for (int i = 0; i < n; i++) {
      Checks.finite(mu[i], "mu[" + i + "]");
      if (covariance[i].length != n) {
        throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length);
      }
      for (int j = 0; j < n; j++) {
        double c = Checks.finite(covariance[i][j], "covariance[" + i + "][" + j + "]");
        if (Math.abs(c - covariance[j][i]) > 1e-12 * Math.max(1, Math.abs(c))) {
          throw new IllegalArgumentException("covariance must be symmetric at " + i + "," + j);
        }
        cov.set(i, j, c);
      }
      trace += covariance[i][i];
      if (!(covariance[i][i] > 0)) {
        throw new IllegalArgumentException(
            "covariance[" + i + "][" + i + "] must be > 0, was " + covariance[i][i]);
      }
    }
    DMatrixRMaj excess = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      excess.set(i, 0, mu[i] - riskFree);
    }
    double ridge = 0;
    double step = 1e-10 * trace / n;
    while (true) {
      DMatrixRMaj a = cov.copy();
      for (int i = 0; i < n; i++) {
        a.add(i, i, ridge);
      }
      LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
      if (chol.setA(a) && chol.quality() > 1e-15) {
        DMatrixRMaj f = new DMatrixRMaj(n, 1);
        chol.solve(excess, f);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
          w[i] = f.get(i, 0);
        }
        return new MultiAssetKelly(w, ridge);
      }
      ridge = ridge == 0 ? step : ridge * 10;
      if (ridge > 1e-4 * trace / n) {
        throw new IllegalArgumentException(
            "covariance is not positive definite even after regularization (ridge "
                + ridge
                + "); check for negative eigenvalues");
      }
    }
  }

  /**
   * Multi-asset Kelly weights.
   *
   * @param weights fraction of wealth per asset (may be negative)
   * @param ridge what was added to the covariance diagonal to make it invertible (0 when nothing)
   */
  public record MultiAssetKelly(double[] weights, double ridge) {
    /** Copies the weights. */
    public MultiAssetKelly {
      weights = weights.clone();
    }

    /** Returns a copy of the weights. */
    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** Returns true when the covariance had to be regularized. */
    public boolean regularized() {
      return ridge > 0;
    }
  }
}
