package io.github.bsoptions.signals.vol.garch;

import io.github.bsoptions.signals.internal.Checks;
import io.github.bsoptions.signals.vol.RealizedVolatility;
import io.github.bsoptions.signals.vol.VolForecast;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood GARCH(1,1) and GJR-GARCH(1,1,1) with normal or Student-t innovations.
 *
 * <p>Conventions follow Python's {@code arch}: the recursion starts from the backcast {@code sum_i
 * w_i e_i^2} with {@code w_i} proportional to {@code 0.94^i} over the first {@code min(75, n)}
 * residuals, {@code h_1 = omega + (alpha + gamma/2 + beta) backcast}; the log-likelihood is the
 * full one, constants included.
 *
 * <p>The optimizer is Nelder-Mead (Commons Math) on an unconstrained reparametrization that
 * enforces {@code omega > 0}, {@code alpha, gamma, beta >= 0}, persistence {@code alpha + gamma/2 +
 * beta < 1} and {@code 2 < nu < 500}; it restarts from its own optimum until the log-likelihood
 * stops improving. Standard errors come from the inverse of the numerical Hessian of the
 * log-likelihood in the natural parameters (the non-robust covariance; NaN when the Hessian is not
 * invertible, e.g. with a parameter on its bound).
 */
public final class GarchModel {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double MAX_PERSISTENCE = 0.99999;
  private static final double NU_MIN = 2.05;
  private static final double NU_MAX = 500;
  private static final int MIN_OBS = 30;

  private GarchModel() {}

  // -------------------------------------------------------------------------------------------
  // Likelihood and filtering

  /**
   * Returns the full log-likelihood of {@code returns} under the model.
   *
   * @param returns per-period returns, oldest first
   * @param spec the model specification (variant and innovation decide which parameters are used)
   * @param p the parameters
   * @return the log-likelihood, or {@code -Infinity} when a conditional variance is not positive
   */
  public static double logLikelihood(double[] returns, GarchSpec spec, GarchParameters p) {
    Checks.finiteArray(returns, 2, "returns");
    Objects.requireNonNull(spec, "spec");
    double mu = spec.mean() == GarchSpec.MeanModel.ZERO ? 0 : p.mu();
    double gamma = spec.variant() == GarchSpec.Variant.GJR ? p.gamma() : 0;
    return logLik(returns, spec.innovation(), mu, p.omega(), p.alpha(), gamma, p.beta(), p.nu());
  }

  /**
   * Returns the conditional variances {@code h_1..h_n} and, as the last element, the one-step
   * forecast {@code h_{n+1}} (length n + 1).
   */
  public static double[] conditionalVariances(double[] returns, GarchSpec spec, GarchParameters p) {
    Checks.finiteArray(returns, 2, "returns");
    double mu = spec.mean() == GarchSpec.MeanModel.ZERO ? 0 : p.mu();
    double gamma = spec.variant() == GarchSpec.Variant.GJR ? p.gamma() : 0;
    int n = returns.length;
    double[] h = new double[n + 1];
    double bc = backcast(returns, mu);
    double ht = p.omega() + (p.alpha() + 0.5 * gamma + p.beta()) * bc;
    for (int t = 0; t < n; t++) {
      h[t] = ht;
      double e = returns[t] - mu;
      double e2 = e * e;
      ht = p.omega() + (p.alpha() + (e < 0 ? gamma : 0)) * e2 + p.beta() * ht;
    }
    h[n] = ht;
    return h;
  }

  static double backcast(double[] r, double mu) {
    int tau = Math.min(75, r.length);
    double w = 1;
    double sw = 0;
    double s = 0;
    for (int i = 0; i < tau; i++) {
      double e = r[i] - mu;
      s += w * e * e;
      sw += w;
      w *= 0.94;
    }
    return s / sw;
  }

  static double logLik(
      double[] r,
      GarchSpec.Innovation dist,
      double mu,
      double omega,
      double alpha,
      double gamma,
      double beta,
      double nu) {
    int n = r.length;
    double bc = backcast(r, mu);
    double h = omega + (alpha + 0.5 * gamma + beta) * bc;
    double sumLogH = 0;
    double sumQ = 0;
    boolean t = dist == GarchSpec.Innovation.STUDENT_T;
    double scale = t ? 1.0 / (nu - 2) : 1;
    for (int i = 0; i < n; i++) {
      if (!(h > 0) || h == Double.POSITIVE_INFINITY) {
        return Double.NEGATIVE_INFINITY;
      }
      double e = r[i] - mu;
      double e2 = e * e;
      sumLogH += Math.log(h);
      sumQ += t ? Math.log1p(e2 * scale / h) : e2 / h;
      h = omega + (alpha + (e < 0 ? gamma : 0)) * e2 + beta * h;
    }
    if (!t) {
      return -0.5 * (n * LOG_2PI + sumLogH + sumQ);
    }
    double c =
        Gamma.logGamma(0.5 * (nu + 1))
            - Gamma.logGamma(0.5 * nu)
            - 0.5 * Math.log(Math.PI * (nu - 2));
    return n * c - 0.5 * sumLogH - 0.5 * (nu + 1) * sumQ;
  }

  // -------------------------------------------------------------------------------------------
  // Fitting

  /**
   * Fits the model by maximum likelihood.
   *
   * @param returns per-period returns (e.g. daily log returns as fractions), oldest first, at least
   *     30, finite and not all equal
   * @param spec the specification
   * @return the fit with parameters, standard errors and the log-likelihood
   */
  public static GarchFit fit(double[] returns, GarchSpec spec) {
    Checks.finiteArray(returns, MIN_OBS, "returns");
    Objects.requireNonNull(spec, "spec");
    Layout lay = new Layout(spec, returns);
    if (!(lay.sampleVar > 0)) {
      throw new IllegalArgumentException("returns must not all be equal (sample variance 0)");
    }
    // Start: best of a small grid, then Nelder-Mead restarts until no improvement.
    double[] best = null;
    double bestNll = Double.POSITIVE_INFINITY;
    double[] nus = lay.t ? new double[] {6, 30, 200} : new double[] {Double.NaN};
    for (double pers : new double[] {0.90, 0.97, 0.995}) {
      for (double aShare : new double[] {0.05, 0.12}) {
        for (double nu : nus) {
          double[] x = lay.start(pers, aShare, nu);
          double v = lay.negLogLik(x);
          if (v < bestNll) {
            bestNll = v;
            best = x;
          }
        }
      }
    }
    SimplexOptimizer opt = new SimplexOptimizer(1e-13, 1e-13);
    int evals = 0;
    boolean converged = false;
    for (int round = 0; round < 12; round++) {
      PointValuePair pv;
      try {
        pv =
            opt.optimize(
                new MaxEval(20_000),
                new ObjectiveFunction(lay::negLogLik),
                GoalType.MINIMIZE,
                new InitialGuess(best),
                new NelderMeadSimplex(initialSteps(best.length)));
      } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
        evals += 20_000;
        break;
      }
      evals += opt.getEvaluations();
      double improvement = bestNll - pv.getValue();
      if (pv.getValue() < bestNll) {
        bestNll = pv.getValue();
        best = pv.getPoint();
      }
      if (improvement < 1e-9 * Math.max(1, Math.abs(bestNll))) {
        converged = true;
        break;
      }
    }
    GarchParameters params = lay.toParameters(best);
    double ll = -bestNll;
    GarchFit.StandardErrors se = standardErrors(returns, spec, lay, params);
    double[] h = conditionalVariances(returns, spec, params);
    return new GarchFit(
        spec,
        params,
        se,
        ll,
        returns.length,
        evals,
        converged,
        h[returns.length],
        lay.targetVariance(params.mu()));
  }

  private static double[] initialSteps(int n) {
    double[] s = new double[n];
    java.util.Arrays.fill(s, 0.3);
    return s;
  }

  /** Numerical-Hessian standard errors in natural parameters (NaN for fixed or failed ones). */
  private static GarchFit.StandardErrors standardErrors(
      double[] r, GarchSpec spec, Layout lay, GarchParameters p) {
    double[] theta = lay.natural(p);
    int k = theta.length;
    double[] step = new double[k];
    for (int i = 0; i < k; i++) {
      step[i] = 1e-4 * Math.max(Math.abs(theta[i]), 1e-6);
      if (lay.isScale(i)) {
        step[i] = 1e-3 * Math.abs(theta[i]);
      }
    }
    double[][] hess = new double[k][k];
    double f0 = lay.naturalLogLik(theta);
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double v;
        if (i == j) {
          double fp = lay.naturalLogLik(shift(theta, i, step[i], -1, 0));
          double fm = lay.naturalLogLik(shift(theta, i, -step[i], -1, 0));
          v = (fp - 2 * f0 + fm) / (step[i] * step[i]);
        } else {
          double fpp = lay.naturalLogLik(shift(theta, i, step[i], j, step[j]));
          double fpm = lay.naturalLogLik(shift(theta, i, step[i], j, -step[j]));
          double fmp = lay.naturalLogLik(shift(theta, i, -step[i], j, step[j]));
          double fmm = lay.naturalLogLik(shift(theta, i, -step[i], j, -step[j]));
          v = (fpp - fpm - fmp + fmm) / (4 * step[i] * step[j]);
        }
        hess[i][j] = -v;
        hess[j][i] = -v;
      }
    }
    double[] se = new double[k];
    java.util.Arrays.fill(se, Double.NaN);
    try {
      RealMatrix inv =
          new LUDecomposition(new Array2DRowRealMatrix(hess, false)).getSolver().getInverse();
      for (int i = 0; i < k; i++) {
        double d = inv.getEntry(i, i);
        se[i] = d > 0 && Double.isFinite(d) ? Math.sqrt(d) : Double.NaN;
      }
    } catch (SingularMatrixException e) {
      // Leave NaN: the Hessian is singular (a parameter on its bound or not identified).
    }
    return lay.standardErrorRecord(se);
  }

  private static double[] shift(double[] x, int i, double di, int j, double dj) {
    double[] y = x.clone();
    y[i] += di;
    if (j >= 0) {
      y[j] += dj;
    }
    return y;
  }

  /**
   * Maps between the optimizer's unconstrained vector and natural parameters for one spec.
   *
   * <p>Unconstrained layout: [mu]? [log omega]? [logit persistence] [share logits...] [nu]? Natural
   * layout (for standard errors): [mu]? [omega]? alpha [gamma]? beta [nu]?.
   */
  private static final class Layout {
    final GarchSpec spec;
    final double[] r;
    final double sampleMean;
    final double sampleVar;
    final boolean hasMu;
    final boolean hasOmega;
    final boolean gjr;
    final boolean t;

    Layout(GarchSpec spec, double[] r) {
      this.spec = spec;
      this.r = r;
      double m = 0;
      for (double x : r) {
        m += x;
      }
      m /= r.length;
      this.sampleMean = m;
      this.hasMu = spec.mean() == GarchSpec.MeanModel.CONSTANT;
      double centre = hasMu ? m : 0;
      double s = 0;
      for (double x : r) {
        s += (x - centre) * (x - centre);
      }
      this.sampleVar = s / r.length;
      this.hasOmega = !spec.varianceTargeting();
      this.gjr = spec.variant() == GarchSpec.Variant.GJR;
      this.t = spec.innovation() == GarchSpec.Innovation.STUDENT_T;
    }

    double[] start(double persistence, double alphaShare, double nu) {
      double[] x =
          new double[(hasMu ? 1 : 0) + (hasOmega ? 1 : 0) + 1 + (gjr ? 2 : 1) + (t ? 1 : 0)];
      int i = 0;
      if (hasMu) {
        x[i++] = sampleMean / Math.sqrt(sampleVar);
      }
      if (hasOmega) {
        x[i++] = Math.log(sampleVar * (1 - persistence));
      }
      x[i++] = logit(persistence / MAX_PERSISTENCE);
      if (gjr) {
        // softmax over (alpha, gamma/2, beta) with beta's logit fixed at 0
        double a = alphaShare * 0.5;
        double g = alphaShare * 0.5;
        double b = 1 - alphaShare;
        x[i++] = Math.log(a / b);
        x[i++] = Math.log(g / b);
      } else {
        x[i++] = logit(alphaShare);
      }
      if (t) {
        x[i] = logit((nu - NU_MIN) / (NU_MAX - NU_MIN));
      }
      return x;
    }

    double negLogLik(double[] x) {
      double[] v = decode(x);
      double ll = logLik(r, spec.innovation(), v[0], v[1], v[2], v[3], v[4], v[5]);
      return Double.isNaN(ll) || ll == Double.NEGATIVE_INFINITY ? 1e300 : -ll;
    }

    /** Decodes to {mu, omega, alpha, gamma, beta, nu}. */
    double[] decode(double[] x) {
      int i = 0;
      double mu = hasMu ? x[i++] * Math.sqrt(sampleVar) : 0;
      double logOmega = hasOmega ? x[i++] : Double.NaN;
      double pers = MAX_PERSISTENCE * logistic(x[i++]);
      double alpha;
      double gamma;
      double beta;
      if (gjr) {
        double ea = Math.exp(clamp(x[i++]));
        double eg = Math.exp(clamp(x[i++]));
        double sum = ea + eg + 1;
        alpha = pers * ea / sum;
        gamma = 2 * pers * eg / sum;
        beta = pers / sum;
      } else {
        double s = logistic(x[i++]);
        alpha = pers * s;
        gamma = 0;
        beta = pers * (1 - s);
      }
      double nu = t ? NU_MIN + (NU_MAX - NU_MIN) * logistic(x[i]) : Double.NaN;
      double omega;
      if (hasOmega) {
        omega = Math.exp(logOmega);
      } else {
        double vt = targetVariance(mu);
        omega = vt * (1 - pers);
      }
      return new double[] {mu, omega, alpha, gamma, beta, nu};
    }

    double targetVariance(double mu) {
      double s = 0;
      for (double v : r) {
        s += (v - mu) * (v - mu);
      }
      return s / r.length;
    }

    GarchParameters toParameters(double[] x) {
      double[] v = decode(x);
      return new GarchParameters(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    double[] natural(GarchParameters p) {
      double[] out = new double[naturalSize()];
      int i = 0;
      if (hasMu) {
        out[i++] = p.mu();
      }
      if (hasOmega) {
        out[i++] = p.omega();
      }
      out[i++] = p.alpha();
      if (gjr) {
        out[i++] = p.gamma();
      }
      out[i++] = p.beta();
      if (t) {
        out[i] = p.nu();
      }
      return out;
    }

    boolean isScale(int index) {
      return hasOmega && index == (hasMu ? 1 : 0);
    }

    int naturalSize() {
      return (hasMu ? 1 : 0) + (hasOmega ? 1 : 0) + (gjr ? 3 : 2) + (t ? 1 : 0);
    }

    double naturalLogLik(double[] th) {
      int i = 0;
      double mu = hasMu ? th[i++] : 0;
      double omega = hasOmega ? th[i++] : Double.NaN;
      double alpha = th[i++];
      double gamma = gjr ? th[i++] : 0;
      double beta = th[i++];
      double nu = t ? th[i] : Double.NaN;
      if (!hasOmega) {
        omega = targetVariance(mu) * (1 - alpha - 0.5 * gamma - beta);
      }
      return logLik(r, spec.innovation(), mu, omega, alpha, gamma, beta, nu);
    }

    GarchFit.StandardErrors standardErrorRecord(double[] se) {
      int i = 0;
      double mu = hasMu ? se[i++] : Double.NaN;
      double omega = hasOmega ? se[i++] : Double.NaN;
      double alpha = se[i++];
      double gamma = gjr ? se[i++] : Double.NaN;
      double beta = se[i++];
      double nu = t ? se[i] : Double.NaN;
      return new GarchFit.StandardErrors(mu, omega, alpha, gamma, beta, nu);
    }
  }

  private static double clamp(double x) {
    return Math.max(-40, Math.min(40, x));
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-clamp(x)));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  // -------------------------------------------------------------------------------------------
  // Forecasting and simulation

  /**
   * Returns the variance forecasts {@code E[h_{n+k}]} for {@code k = 1..horizon}: {@code V +
   * P^(k-1) (h_{n+1} - V)} with persistence {@code P} and unconditional variance {@code V} (for
   * {@code P >= 1}: {@code h_{n+1} + (k-1) omega}).
   *
   * @param p the parameters
   * @param nextVariance the one-step variance {@code h_{n+1}}
   * @param horizon number of periods
   * @return the forecast
   */
  public static VolForecast forecast(GarchParameters p, double nextVariance, int horizon) {
    Checks.positive(nextVariance, "nextVariance");
    Checks.positive(horizon, "horizon");
    double pers = p.persistence();
    double[] v = new double[horizon];
    if (pers < 1) {
      double uv = p.unconditionalVariance();
      double f = 1;
      for (int k = 0; k < horizon; k++) {
        v[k] = uv + f * (nextVariance - uv);
        f *= pers;
      }
    } else {
      for (int k = 0; k < horizon; k++) {
        v[k] = nextVariance + k * p.omega();
      }
    }
    return new VolForecast("garch", v, RealizedVolatility.TRADING_DAYS);
  }

  /**
   * Simulates {@code n} returns from the model after a burn-in of 500 periods, starting at the
   * unconditional variance.
   *
   * @param spec the specification (variant and innovation)
   * @param p the parameters (must be stationary)
   * @param n number of returns
   * @param rng the random source (e.g. {@code new SplittableRandom(seed)})
   * @return simulated returns, and their conditional variances in {@code variancesOut} when that is
   *     not null (length at least n)
   */
  public static double[] simulate(
      GarchSpec spec, GarchParameters p, int n, RandomGenerator rng, double[] variancesOut) {
    Checks.positive(n, "n");
    if (!p.isStationary()) {
      throw new IllegalArgumentException(
          "persistence must be < 1 to simulate, was " + p.persistence());
    }
    double gamma = spec.variant() == GarchSpec.Variant.GJR ? p.gamma() : 0;
    boolean t = spec.innovation() == GarchSpec.Innovation.STUDENT_T;
    double mu = spec.mean() == GarchSpec.MeanModel.ZERO ? 0 : p.mu();
    double h = p.unconditionalVariance();
    double[] out = new double[n];
    int burn = 500;
    for (int i = -burn; i < n; i++) {
      double z = t ? studentT(rng, p.nu()) : rng.nextGaussian();
      double e = Math.sqrt(h) * z;
      if (i >= 0) {
        out[i] = mu + e;
        if (variancesOut != null) {
          variancesOut[i] = h;
        }
      }
      h = p.omega() + (p.alpha() + (e < 0 ? gamma : 0)) * e * e + p.beta() * h;
    }
    return out;
  }

  /** Returns a unit-variance Student-t draw with {@code nu > 2} degrees of freedom. */
  static double studentT(RandomGenerator rng, double nu) {
    double z = rng.nextGaussian();
    double chi2 = 2 * gammaDraw(rng, 0.5 * nu);
    return z / Math.sqrt(chi2 / nu) * Math.sqrt((nu - 2) / nu);
  }

  /** Marsaglia-Tsang gamma(shape, 1) draw. */
  static double gammaDraw(RandomGenerator rng, double shape) {
    if (shape < 1) {
      return gammaDraw(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
