package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.Checks;
import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * American options by the exercise-boundary integral equation of Andersen, Lake and Offengelter
 * (2016, "High-performance American option pricing", J. Comput. Finance 20(1)).
 *
 * <p>For a put, the early exercise boundary {@code B(tau)} ({@code tau} the time to expiry) solves
 * {@code B(tau) = K e^{-(r-q) tau} N(tau, B) / D(tau, B)} with integrals of normal distribution
 * functions over the boundary at earlier times. The boundary is represented by the Chebyshev
 * interpolant of {@code H(xi) = ln(B(xi^2) / X)^2} in {@code xi = sqrt(tau)}, {@code X = K min(1,
 * r/q)} its value just before expiry; it starts from Li's QD+ approximation and improves by one
 * Jacobi-Newton step and then plain Jacobi fixed-point iterations of ALO's equation FP-B (the
 * value-matching form with normal distribution functions, stable in every regime tested), with the
 * integrals done by Gauss-Legendre quadrature after the change of variable {@code u = tau
 * sin^2(theta)}, which makes both {@code sqrt(u)} (the boundary's Chebyshev variable) and {@code
 * sqrt(tau - u)} (the kernels' singularity) smooth, so eight points reach 1e-8. The price is the
 * European value plus the early exercise premium, an integral over the boundary done by
 * Gauss-Legendre quadrature with the same change of variable (time from now {@code t
 * sin^2(theta)}).
 *
 * <p>A call is priced as a put by put-call symmetry, {@code C(S, K, r, q) = P(K, S, q, r)}.
 * Regimes: {@code r <= 0} and {@code r <= q} (put) have no early exercise, so the value is European
 * (a call with {@code q <= 0}, {@code q <= r} likewise). The double-boundary regime {@code q < r <
 * 0} (put; {@code r < q < 0} for a call), where the exercise region is a band, is priced by
 * Leisen-Reimer trees with {@link BinomialTree#DOUBLE_BOUNDARY_STEPS} and half as many steps,
 * extrapolated in {@code 1/n} (error about 1e-6 of the strike, some milliseconds). Expiry 0 gives
 * intrinsic value, volatility 0 the best deterministic exercise.
 *
 * <p>Accuracy: the {@link Scheme#REFERENCE reference scheme} agrees with extrapolated 16,000-step
 * Leisen-Reimer trees to about 1e-9 relative. Against it, the {@link Scheme#DEFAULT default scheme}
 * errs by less than 1e-7 of the strike for typical options and less than 1e-6 of the strike on the
 * whole tested domain (moneyness e^{+-0.6}, 1 day to 5 years, volatility 5% to 100%, rates and
 * yields 0% to 12%); relative to the price (for prices above 1e-3 of the strike) by less than 1e-6.
 * The discretization is fixed, so the value is a smooth function of every input (finite-difference
 * greeks work well). Throughput: see {@code docs/performance.md}.
 */
public final class AndersenLakeOffengelter {
  private AndersenLakeOffengelter() {}

  /** Jacobi-Newton steps before the plain fixed-point iterations. */
  private static final double QUARTER_PI = 0.25 * Math.PI;

  private static final boolean DEBUG = Boolean.getBoolean("alo.debug");

  /**
   * FP-A (the density form) is used where {@code (r - q) sqrt(T) <= FPA_LIMIT vol} (put); beyond,
   * where the drift dominates, it can diverge (it does from about 0.9) and FP-B is used.
   */
  static final double FPA_LIMIT = 0.6;

  private static final int NEWTON_STEPS = Integer.getInteger("alo.newton", 1);

  /**
   * A discretization of the ALO method: Chebyshev nodes for the boundary, fixed-point iterations,
   * quadrature points for the boundary integrals and for the final premium integral.
   */
  public static final class Scheme {
    static final int FP_A = 1;
    static final int FP_B = 2;

    /**
     * QD+ Newton steps of the FP-A schemes from the extrapolated start: their fixed point removes
     * the remaining starting error (about 1e-4) in four steps.
     */
    static final int QD_STEPS = 3;

    /** Expiries up to this use {@link #SHORTEST}. */
    static final double SHORTEST_EXPIRY = 0.5;

    /** FP-A, expiry up to half a year: 10 intervals, 4 iterations, 8 and 24 points. */
    static final Scheme SHORTEST = new Scheme(10, 4, 8, 24, FP_A, 2, false);

    /** Expiries up to this use {@link #SHORT}. */
    static final double SHORT_EXPIRY = 1.5;

    /** FP-A, expiry up to 1.5 years: 12 intervals, 4 iterations, 8 and 32 points. */
    static final Scheme SHORT = new Scheme(12, 4, 8, 32, FP_A, 2, false);

    /** Expiries up to this use {@link #LONG}, longer ones {@link #LONGEST}. */
    static final double LONG_EXPIRY = 3;

    /** FP-A, expiry up to 3 years: 12 intervals, 4 iterations, 10 and 48 points. */
    static final Scheme LONG = new Scheme(12, 4, 10, 48, FP_A, 2, false);

    /** FP-A, expiry above 3 years: 14 intervals, 4 iterations, 10 and 48 points. */
    static final Scheme LONGEST = new Scheme(14, 4, 10, 48, FP_A, 2, false);

    /**
     * FP-B where the drift dominates ({@code (r - q) sqrt(T) > 0.6 vol}, put; rare in practice): 24
     * intervals, 12 iterations, 16 and 64 points. FP-B converges slowly there and the boundary
     * needs more nodes.
     */
    static final Scheme DRIFT = new Scheme(24, 12, 16, 64, FP_B, 3, false);

    /** Beyond this {@code (r - q) sqrt(T) / vol} (put), {@link #STEEP} instead of DRIFT. */
    static final double STEEP_LIMIT = 2;

    /**
     * FP-B where the drift dominates strongly (low volatility, long expiry, a large rate
     * differential): 32 intervals, 16 iterations, 24 and 96 points.
     */
    static final Scheme STEEP = new Scheme(32, 16, 24, 96, FP_B, 3, false);

    /**
     * The default: adaptive, 1e-6 relative accuracy on the whole documented domain at about 50,000
     * typical options per second. Per option (as a put) it iterates ALO's FP-A equation (the
     * density form, which converges in a few steps) with Anderson acceleration, on 12 Chebyshev
     * intervals with 4 iterations and 8 and 32 quadrature points up to 1.5 years and 14, 4, 10 and
     * 40 beyond; where the drift dominates ({@code (r - q) sqrt(T) > 0.6 vol}), where FP-A can
     * diverge, FP-B with 16 intervals, 10 iterations and 16 and 48 points. {@link #forPut} returns
     * the scheme chosen. The value is smooth in every input except across these two borders, where
     * it can jump by the scheme error (below 1e-6 relative, typically 1e-7).
     */
    public static final Scheme DEFAULT = new Scheme(12, 4, 8, 32, FP_A, 2, true);

    /** The default scheme before 2026-12-02 (FP-B, 10 intervals, 7 iterations, 8, 24 points). */
    public static final Scheme PREVIOUS_DEFAULT = new Scheme(10, 7, 8, 24);

    public static final Scheme FAST = new Scheme(6, 2, 6, 16);

    /** A near-converged reference scheme (relative accuracy about 1e-10, slow). */
    public static final Scheme REFERENCE = new Scheme(32, 30, 64, 256);

    private final int nodes;
    private final int iterations;
    private final GaussLegendre boundaryRule;
    private final GaussLegendre priceRule;
    private final double[] chebCos;
    // sin and cos of theta = pi/4 (1 + y) at the nodes y of the two rules.
    private final double[] boundarySin;
    private final double[] boundaryCos;
    private final double[] priceSin;
    private final double[] priceCos;
    // Barycentric interpolation weights: the boundary at the quadrature points of every node (row
    // m of n+1 holds the weights of nodal value m) and at the premium points. The Chebyshev
    // variable of these points depends on the scheme only, not on the option.
    private final double[] boundaryInterp;
    private final double[] priceInterp;

    /** {@link #FP_A} or {@link #FP_B}. */
    final int equation;

    /** Anderson acceleration memory of the plain fixed-point steps (0: none). */
    final int anderson;

    final boolean adaptive;

    /**
     * Newton steps of the QD+ starting boundary from an extrapolated start (each stops earlier at
     * 1e-10 relative): at most 3 for the FP-A schemes, a fixed count, so that the start and the
     * price stay smooth functions of the inputs; 60 otherwise (and at the two nodes nearest expiry,
     * which have no extrapolated start).
     */
    final int qdSteps;

    private Scheme(int nodes, int iterations, int boundaryPoints, int pricePoints) {
      this(nodes, iterations, boundaryPoints, pricePoints, FP_B, 0, false);
    }

    private Scheme(
        int nodes,
        int iterations,
        int boundaryPoints,
        int pricePoints,
        int equation,
        int anderson,
        boolean adaptive) {
      this.equation = equation;
      this.anderson = anderson;
      this.adaptive = adaptive;
      boolean loose = equation == FP_A && anderson > 0;
      this.qdSteps = loose ? QD_STEPS : 60;

      this.nodes = nodes;
      this.iterations = iterations;
      this.boundaryRule = GaussLegendre.of(boundaryPoints);
      this.priceRule = GaussLegendre.of(pricePoints);
      this.boundarySin = new double[boundaryPoints];
      this.boundaryCos = new double[boundaryPoints];
      for (int j = 0; j < boundaryPoints; j++) {
        double theta = QUARTER_PI * (1 + boundaryRule.nodes[j]);
        boundarySin[j] = Math.sin(theta);
        boundaryCos[j] = Math.cos(theta);
      }
      this.priceSin = new double[pricePoints];
      this.priceCos = new double[pricePoints];
      for (int j = 0; j < pricePoints; j++) {
        double theta = QUARTER_PI * (1 + priceRule.nodes[j]);
        priceSin[j] = Math.sin(theta);
        priceCos[j] = Math.cos(theta);
      }
      int points = nodes * boundaryPoints;
      double[] z = new double[points];
      for (int i = 0; i < nodes; i++) {
        for (int j = 0; j < boundaryPoints; j++) {
          // sqrt(u / t) = sqrt(tau_i / t) sin(theta_j), sqrt(tau_i / t) = (1 + cos(pi i / n)) / 2.
          z[i * boundaryPoints + j] = (1 + Math.cos(Math.PI * i / nodes)) * boundarySin[j] - 1;
        }
      }
      this.boundaryInterp = barycentric(nodes, z);
      double[] zp = new double[pricePoints];
      for (int j = 0; j < pricePoints; j++) {
        zp[j] = 2 * priceCos[j] - 1;
      }
      this.priceInterp = barycentric(nodes, zp);
      this.chebCos = new double[(nodes + 1) * (nodes + 1)];
      for (int i = 0; i <= nodes; i++) {
        for (int k = 0; k <= nodes; k++) {
          chebCos[i * (nodes + 1) + k] = Math.cos(Math.PI * i * k / nodes);
        }
      }
    }

    /**
     * Weights {@code w[p * (n + 1) + m]} of the degree-{@code n} interpolant through the Chebyshev
     * points {@code cos(pi m / n)} at the points {@code z[p]} (barycentric formula), laid out per
     * point so that each interpolated value is one contiguous dot product.
     */
    private static double[] barycentric(int n, double[] z) {
      double[] byNode = barycentricByNode(n, z);
      double[] out = new double[byNode.length];
      for (int m = 0; m <= n; m++) {
        for (int p = 0; p < z.length; p++) {
          out[p * (n + 1) + m] = byNode[m * z.length + p];
        }
      }
      return out;
    }

    /** As {@link #barycentric}, laid out per node: {@code w[m * z.length + p]}. */
    private static double[] barycentricByNode(int n, double[] z) {
      double[] out = new double[(n + 1) * z.length];
      for (int p = 0; p < z.length; p++) {
        int exact = -1;
        double sum = 0;
        for (int m = 0; m <= n; m++) {
          double d = z[p] - Math.cos(Math.PI * m / n);
          if (d == 0) {
            exact = m;
            break;
          }
          double w = ((m & 1) == 0 ? 1.0 : -1.0) * (m == 0 || m == n ? 0.5 : 1.0) / d;
          out[m * z.length + p] = w;
          sum += w;
        }
        for (int m = 0; m <= n; m++) {
          int idx = m * z.length + p;
          out[idx] = exact >= 0 ? (m == exact ? 1.0 : 0.0) : out[idx] / sum;
        }
      }
      return out;
    }

    /**
     * Returns a scheme.
     *
     * @param nodes Chebyshev interpolation degree of the boundary ({@code n}; {@code n+1} nodes), 2
     *     to 64
     * @param iterations fixed-point iterations, 0 to 100 (0 uses the QD+ boundary as it is)
     * @param boundaryPoints Gauss-Legendre points for each boundary integral, 2 to 256
     * @param pricePoints Gauss-Legendre points for the premium integral, 2 to 1024
     */
    public static Scheme of(int nodes, int iterations, int boundaryPoints, int pricePoints) {
      Checks.inRange(nodes, 2, 64, "nodes");
      Checks.inRange(iterations, 0, 100, "iterations");
      Checks.inRange(boundaryPoints, 2, 256, "boundaryPoints");
      Checks.inRange(pricePoints, 2, 1024, "pricePoints");
      return new Scheme(nodes, iterations, boundaryPoints, pricePoints);
    }

    /**
     * Returns this scheme iterating ALO's equation FP-A (the density form, from smooth pasting)
     * instead of the default FP-B (the distribution-function form, from value matching). FP-A
     * converges faster where it is stable but diverges for low volatility and long expiries.
     */
    public Scheme withFpA(boolean useFpA) {
      return new Scheme(
          nodes,
          iterations,
          boundaryPoints(),
          pricePoints(),
          useFpA ? FP_A : FP_B,
          anderson,
          false);
    }

    /**
     * Returns this scheme with Anderson acceleration of the plain fixed-point steps, remembering
     * {@code memory} previous steps (0 to 3; 0 switches it off).
     */
    public Scheme withAnderson(int memory) {
      Checks.inRange(memory, 0, 3, "memory");
      return new Scheme(
          nodes, iterations, boundaryPoints(), pricePoints(), equation, memory, false);
    }

    /**
     * Returns the scheme the {@link #DEFAULT adaptive default} uses for a put with the given
     * expiry, rate, dividend yield and volatility (for a call, swap the rate and the yield); this
     * scheme itself when it is not adaptive.
     */
    public Scheme forPut(double expiry, double rate, double dividendYield, double volatility) {
      if (!adaptive) {
        return this;
      }
      double drift = (rate - dividendYield) * Math.sqrt(expiry);
      if (drift > FPA_LIMIT * volatility) {
        return drift > STEEP_LIMIT * volatility ? STEEP : DRIFT;
      }
      if (expiry <= SHORT_EXPIRY) {
        return expiry <= SHORTEST_EXPIRY ? SHORTEST : SHORT;
      }
      return expiry <= LONG_EXPIRY ? LONG : LONGEST;
    }

    /** Returns true for the adaptive default, which picks one of its schemes per option. */
    public boolean isAdaptive() {
      return adaptive;
    }

    /** Returns the Chebyshev degree. */
    public int nodes() {
      return nodes;
    }

    /** Returns the number of fixed-point iterations. */
    public int iterations() {
      return iterations;
    }

    /** Returns the number of quadrature points per boundary integral. */
    public int boundaryPoints() {
      return boundaryRule.nodes.length;
    }

    /** Returns the number of quadrature points of the premium integral. */
    public int pricePoints() {
      return priceRule.nodes.length;
    }

    @Override
    public String toString() {
      if (adaptive) {
        return "Scheme[adaptive: "
            + SHORTEST
            + ", "
            + SHORT
            + ", "
            + LONG
            + ", "
            + LONGEST
            + ", "
            + DRIFT
            + ", "
            + STEEP
            + "]";
      }
      return "Scheme[nodes="
          + nodes
          + ", iterations="
          + iterations
          + ", boundaryPoints="
          + boundaryPoints()
          + ", pricePoints="
          + pricePoints()
          + (equation == FP_A ? ", FP-A" : ", FP-B")
          + (anderson > 0 ? ", anderson=" + anderson : "")
          + "]";
    }
  }

  /**
   * Returns the American option value with the default scheme.
   *
   * @param isCall true for a call
   * @param spot spot price, {@code >= 0}
   * @param strike strike, {@code >= 0}
   * @param expiry years to expiry, {@code >= 0}
   * @param rate continuously compounded rate (negative allowed)
   * @param dividendYield continuous dividend yield (negative allowed)
   * @param volatility volatility, {@code >= 0}
   * @throws IllegalArgumentException naming the field and value when an input is invalid
   */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility) {
    return price(isCall, spot, strike, expiry, rate, dividendYield, volatility, Scheme.DEFAULT);
  }

  /** Returns the American option value with the given scheme (see {@link #price}). */
  public static double price(
      boolean isCall,
      double spot,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility,
      Scheme scheme) {
    check(spot, strike, expiry, rate, dividendYield, volatility);
    Checks.notNull(scheme, "scheme");
    double trivial =
        AmericanLimits.trivial(isCall, spot, strike, expiry, rate, dividendYield, volatility);
    if (!Double.isNaN(trivial)) {
      return trivial;
    }
    return isCall
        ? putValue(strike, spot, expiry, dividendYield, rate, volatility, scheme)
        : putValue(spot, strike, expiry, rate, dividendYield, volatility, scheme);
  }

  /**
   * Returns the early exercise boundary of the option at the given times to expiry (the critical
   * spot: a put is exercised at or below it, a call at or above it). NaN where there is no single
   * boundary (European or double-boundary regime, or volatility 0).
   *
   * @param timesToExpiry times to expiry in {@code [0, expiry]}
   */
  public static double[] exerciseBoundary(
      boolean isCall,
      double strike,
      double expiry,
      double rate,
      double dividendYield,
      double volatility,
      double[] timesToExpiry,
      Scheme scheme) {
    check(1, strike, expiry, rate, dividendYield, volatility);
    double[] out = new double[timesToExpiry.length];
    double r = isCall ? dividendYield : rate;
    double q = isCall ? rate : dividendYield;
    if (expiry == 0
        || volatility == 0
        || strike == 0
        || AmericanLimits.putRegime(r, q) != AmericanLimits.Regime.SINGLE_BOUNDARY) {
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    // For a call the symmetric put has strike S; the boundary scales with the strike, so solve
    // with unit strike and map b_put -> K / b_put for the call.
    Boundary b =
        new Boundary(scheme.forPut(expiry, r, q, volatility), 1.0, expiry, r, q, volatility);
    b.solve();
    for (int i = 0; i < out.length; i++) {
      double t = Checks.inRange(timesToExpiry[i], 0, expiry, "timesToExpiry");
      double put = b.at(t);
      out[i] = isCall ? strike / put : strike * put;
    }
    return out;
  }

  /**
   * Returns false when early exercise is never optimal, so the American value equals the European
   * one: calls with {@code q <= 0} and {@code q <= r}, puts with {@code r <= 0} and {@code r <= q}.
   */
  public static boolean earlyExerciseCanBeOptimal(
      boolean isCall, double rate, double dividendYield) {
    return isCall
        ? AmericanLimits.putRegime(dividendYield, rate) != AmericanLimits.Regime.EUROPEAN
        : AmericanLimits.putRegime(rate, dividendYield) != AmericanLimits.Regime.EUROPEAN;
  }

  static void check(double s, double k, double t, double r, double q, double vol) {
    byte code = RowChecks.validate(BatchModel.BLACK_SCHOLES, s, k, t, r, q, vol);
    RowChecks.throwIfInvalid(BatchModel.BLACK_SCHOLES, code, s, k, t, r, q, vol);
  }

  /** Unchecked put value. */
  static double putValue(double s, double k, double t, double r, double q, double vol, Scheme sc) {
    double trivial = AmericanLimits.trivialPut(s, k, t, r, q, vol);
    if (!Double.isNaN(trivial)) {
      return trivial;
    }
    if (AmericanLimits.putRegime(r, q) == AmericanLimits.Regime.DOUBLE_BOUNDARY) {
      return AmericanLimits.doubleBoundaryPut(s, k, t, r, q, vol);
    }
    // Single boundary, r > 0. The boundary is homogeneous in the strike: solve with K = 1.
    Boundary b = new Boundary(sc.forPut(t, r, q, vol), 1.0, t, r, q, vol);
    b.solve();
    double x = s / k;
    double intrinsic = Math.max(k - s, 0);
    if (x <= b.at(t)) {
      return intrinsic;
    }
    double european = BlackScholesKernel.price(false, s, k, t, r, q, vol);
    double premium = b.premium(x);
    return Math.max(european + k * premium, intrinsic);
  }

  /** The put exercise boundary for strike {@code k}, expiry {@code t}, {@code r > 0}. */
  static final class Boundary {
    private final Scheme sc;
    private final double k;
    private final double t;
    private final double r;
    private final double q;
    private final double vol;
    private final double xmax;
    private final double lnXmax;
    private final int n;

    /** Node times to expiry, node 0 at {@code t}, node {@code n} at 0. */
    private final double[] tau;

    private final double[] lnB;
    private final double[] coef;

    /** Scratch: {@code H} at the nodes, {@code (ln B - ln xmax)^2}. */
    private final double[] hNodes;

    Boundary(Scheme sc, double k, double t, double r, double q, double vol) {
      this.sc = sc;
      this.k = k;
      this.t = t;
      this.r = r;
      this.q = q;
      this.vol = vol;
      this.xmax = q > r ? k * (r / q) : k;
      this.lnXmax = Math.log(xmax);
      this.n = sc.nodes;
      this.tau = new double[n + 1];
      this.lnB = new double[n + 1];
      this.coef = new double[n + 1];
      this.hNodes = new double[n + 1];
      double sqrtT = Math.sqrt(t);
      for (int i = 0; i <= n; i++) {
        double xi = 0.5 * sqrtT * (1 + Math.cos(Math.PI * i / n));
        tau[i] = xi * xi;
      }
      tau[n] = 0;
    }

    /** Returns the boundary at time to expiry {@code u} in {@code [0, t]}. */
    double at(double u) {
      return FastExp.exp(lnAt(u));
    }

    private double lnAt(double u) {
      if (u <= 0) {
        return lnXmax;
      }
      double z = 2 * Math.sqrt(u / t) - 1;
      double h = clenshaw(z);
      return lnXmax - Math.sqrt(Math.max(h, 0));
    }

    private double clenshaw(double z) {
      double b1 = 0;
      double b2 = 0;
      double z2 = 2 * z;
      for (int j = n; j >= 1; j--) {
        double b0 = coef[j] + z2 * b1 - b2;
        b2 = b1;
        b1 = b0;
      }
      return coef[0] + z * b1 - b2;
    }

    /** Sets {@code out[p]} to the interpolant of {@code H} at the points of {@code weights}. */
    private void interpolate(double[] weights, double[] out) {
      int points = out.length;
      int m1 = n + 1;
      double[] h = hNodes;
      for (int m = 0; m < m1; m++) {
        double d = lnB[m] - lnXmax;
        h[m] = d * d;
      }
      // One dot product per point, accumulated in a register (no store-to-load chain on out[]).
      for (int p = 0; p < points; p++) {
        int base = p * m1;
        double acc = 0;
        for (int m = 0; m < m1; m++) {
          acc += weights[base + m] * h[m];
        }
        out[p] = acc;
      }
    }

    private void fit() {
      double[] cos = sc.chebCos;
      int m = n + 1;
      for (int j = 0; j <= n; j++) {
        double sum = 0;
        for (int i = 0; i <= n; i++) {
          double d = lnB[i] - lnXmax;
          double h = d * d;
          double w = (i == 0 || i == n) ? 0.5 : 1.0;
          sum += w * h * cos[i * m + j];
        }
        double c = 2.0 / n * sum;
        coef[j] = (j == 0 || j == n) ? 0.5 * c : c;
      }
    }

    void solve() {
      // From short to long expiries, each QD+ solve starting from the linear extrapolation in
      // sqrt(tau) of its two neighbours' roots (ln B - ln X is about proportional to sqrt(tau)).
      double guess = Double.NaN;
      lnB[n] = lnXmax;
      for (int i = n - 1; i >= 0; i--) {
        if (i <= n - 3) {
          double x1 = Math.sqrt(tau[i + 1]);
          double x2 = Math.sqrt(tau[i + 2]);
          double slope = (lnB[i + 1] - lnB[i + 2]) / (x1 - x2);
          guess = FastExp.exp(lnB[i + 1] + slope * (Math.sqrt(tau[i]) - x1));
        }
        guess = qdPlus(tau[i], guess, i <= n - 3 ? sc.qdSteps : 60);
        lnB[i] = Math.log(guess);
      }
      fit();
      int l = sc.boundaryRule.nodes.length;
      double[] w = sc.boundaryRule.weights;
      // Per node and quadrature point: times and the boundary-independent factors.
      int size = n * l;
      double[] sd = new double[size];
      double[] invSd = new double[size];
      double[] drift = new double[size];
      double[] wa = new double[size]; // weight * e^{ru} * tau (1+y)/2 (smooth integrals)
      double[] wb = new double[size]; // weight * e^{ru} * sqrt(tau) / vol (singular integrals)
      double[] qa = new double[size];
      double[] qb = new double[size];
      for (int i = 0; i < n; i++) {
        double ti = tau[i];
        double sti = Math.sqrt(ti);
        for (int j = 0; j < l; j++) {
          int idx = i * l + j;
          // u = tau sin^2(theta), tau - u = tau cos^2(theta): both square roots are smooth in
          // theta, so the rule converges fast at both ends; du = tau sin(2 theta) d theta.
          double sn = sc.boundarySin[j];
          double s = sc.boundaryCos[j];
          double dt = ti * s * s;
          double u = ti * sn * sn;
          sd[idx] = vol * sti * s;
          invSd[idx] = 1 / sd[idx];
          drift[idx] = (r - q) * dt;
          double er = FastExp.exp(r * u);
          double eq = FastExp.exp(q * u);
          double wj = w[j] * QUARTER_PI;
          wa[idx] = wj * er * ti * 2 * sn * s;
          wb[idx] = wj * er * sti * 2 * sn / vol;
          qa[idx] = wj * eq * ti * 2 * sn * s;
          qb[idx] = wj * eq * sti * 2 * sn / vol;
        }
      }
      boolean useA = sc.equation == Scheme.FP_A;
      int iterations = sc.iterations;
      double[] next = new double[n];
      double[] hv = new double[size];
      int slots = sc.anderson + 1;
      double[] fHist = sc.anderson > 0 ? new double[slots * n] : null;
      double[] gHist = sc.anderson > 0 ? new double[slots * n] : null;
      for (int it = 0; it < iterations; it++) {
        interpolate(sc.boundaryInterp, hv);
        for (int i = 0; i < n; i++) {
          double ti = tau[i];
          double lbi = lnB[i];
          double v = vol * Math.sqrt(ti);
          double dp = (lbi - Math.log(k) + (r - q) * ti) / v + 0.5 * v;
          double dm = dp - v;
          if (!useA && it >= NEWTON_STEPS) {
            // Plain FP-B step: only the two distribution-function integrals.
            double ni = 0;
            double di = 0;
            for (int j = 0; j < l; j++) {
              int idx = i * l + j;
              double h = hv[idx];
              double lbu = lnXmax - Math.sqrt(Math.max(h, 0));
              double s = sd[idx];
              double ep = (lbi - lbu + drift[idx]) * invSd[idx] + 0.5 * s;
              ni += wa[idx] * FastNormal.cdf(ep - s);
              di += qa[idx] * FastNormal.cdf(ep);
            }
            double num = FastNormal.cdf(dm) + r * ni;
            double den = FastNormal.cdf(dp) + q * di;
            double lnNew = Math.log(k * num / den) - (r - q) * ti;
            if (lnNew > lnXmax) {
              lnNew = lnXmax;
            }
            next[i] = Math.max(lnNew, lnXmax - 700);
            continue;
          }
          if (!useA) {
            // FP-B; the first steps are Jacobi-Newton steps on L - ln f(L), L = ln B(tau_i), with
            // the other nodes held fixed.
            double num = FastNormal.cdf(dm);
            double den = FastNormal.cdf(dp);
            double pdfDp = FastNormal.pdf(dp);
            double dNum = pdfDp * FastExp.exp(lbi - Math.log(k) + (r - q) * ti) / v;
            double dDen = pdfDp / v;
            double ni = 0;
            double di = 0;
            double dni = 0;
            double ddi = 0;
            for (int j = 0; j < l; j++) {
              int idx = i * l + j;
              double h = hv[idx];
              double lbu = lnXmax - Math.sqrt(Math.max(h, 0));
              double s = sd[idx];
              double x = lbi - lbu + drift[idx];
              double ep = x / s + 0.5 * s;
              double em = ep - s;
              double pp = FastNormal.pdf(ep);
              ni += wa[idx] * FastNormal.cdf(em);
              di += qa[idx] * FastNormal.cdf(ep);
              dni += wb[idx] * pp * FastExp.exp(x);
              ddi += qb[idx] * pp;
            }
            num += r * ni;
            den += q * di;
            dNum += r * dni;
            dDen += q * ddi;
            double lnF = Math.log(k * num / den) - (r - q) * ti;
            double slope = dNum / num - dDen / den;
            double step = 1 - slope;
            double lnNew =
                it < NEWTON_STEPS && step > 0.05 && step < 20 ? lbi - (lbi - lnF) / step : lnF;
            if (!(lnNew <= lnXmax)) {
              lnNew = Double.isNaN(lnNew) ? lnF : lnXmax;
            }
            next[i] = Math.max(lnNew, lnXmax - 700);
            continue;
          }
          double num = FastNormal.pdf(dm) / v;
          double den = FastNormal.cdf(dp) + FastNormal.pdf(dp) / v;
          double ni = 0;
          double di = 0;
          for (int j = 0; j < l; j++) {
            int idx = i * l + j;
            double h = hv[idx];
            double lbu = lnXmax - Math.sqrt(Math.max(h, 0));
            double s = sd[idx];
            double ep = (lbi - lbu + drift[idx]) * invSd[idx] + 0.5 * s;
            double em = ep - s;
            // One exponential each: e^{-ep^2/2} serves both the density and the distribution
            // function of ep.
            double gp = FastExp.exp(-0.5 * ep * ep);
            ni += wb[idx] * FastNormal.pdf(em);
            di += qa[idx] * FastNormal.cdf(ep, gp) + qb[idx] * (FastNormal.INV_SQRT_2PI * gp);
          }
          num += r * ni;
          den += q * di;
          double bNew = k * FastExp.exp(-(r - q) * ti) * num / den;
          next[i] = Math.log(Math.min(Math.max(bNew, Double.MIN_NORMAL), xmax));
        }
        int plain = useA ? it : it - NEWTON_STEPS;
        if (sc.anderson > 0 && plain >= 0) {
          anderson(next, plain, fHist, gHist);
        }
        System.arraycopy(next, 0, lnB, 0, n);
      }
      fit();
    }

    /**
     * Anderson acceleration of the fixed-point iteration {@code x -> g(x)}: {@code next} holds
     * {@code g(x_k)} for the current nodal values {@code x_k = lnB} ({@code k} counts the plain
     * steps from 0) and is replaced by the extrapolated {@code x_{k+1}}.
     */
    private void anderson(double[] next, int k, double[] fHist, double[] gHist) {
      int mem = sc.anderson;
      int slots = mem + 1;
      int cur = (k % slots) * n;
      for (int i = 0; i < n; i++) {
        gHist[cur + i] = next[i];
        fHist[cur + i] = next[i] - lnB[i];
      }
      int mk = Math.min(k, mem);
      if (mk == 0) {
        return;
      }
      // Normal equations of min |f_k - sum_j gamma_j (f_k - f_{k-j})|.
      double[] a = new double[mk * mk];
      double[] b = new double[mk];
      for (int j1 = 0; j1 < mk; j1++) {
        int o1 = ((k - j1 - 1) % slots) * n;
        for (int i = 0; i < n; i++) {
          double d1 = fHist[cur + i] - fHist[o1 + i];
          b[j1] += d1 * fHist[cur + i];
        }
        for (int j2 = 0; j2 <= j1; j2++) {
          int o2 = ((k - j2 - 1) % slots) * n;
          double sum = 0;
          for (int i = 0; i < n; i++) {
            sum += (fHist[cur + i] - fHist[o1 + i]) * (fHist[cur + i] - fHist[o2 + i]);
          }
          a[j1 * mk + j2] = sum;
          a[j2 * mk + j1] = sum;
        }
      }
      double[] gamma = solveSmall(a, b, mk);
      if (gamma == null) {
        return;
      }
      for (int i = 0; i < n; i++) {
        double x = next[i];
        for (int j = 0; j < mk; j++) {
          int o = ((k - j - 1) % slots) * n;
          x -= gamma[j] * (gHist[cur + i] - gHist[o + i]);
        }
        next[i] = Math.max(Math.min(x, lnXmax), lnXmax - 700);
      }
    }

    /** Solves the symmetric system {@code a x = b} (dimension up to 3); null if near-singular. */
    private static double[] solveSmall(double[] a, double[] b, int m) {
      double[] x = b.clone();
      double[] m2 = a.clone();
      double scale = 0;
      for (int i = 0; i < m; i++) {
        scale = Math.max(scale, m2[i * m + i]);
      }
      if (!(scale > 0)) {
        return null;
      }
      for (int c = 0; c < m; c++) {
        double piv = m2[c * m + c];
        if (!(Math.abs(piv) > 1e-12 * scale)) {
          return null;
        }
        for (int r2 = c + 1; r2 < m; r2++) {
          double f = m2[r2 * m + c] / piv;
          for (int c2 = c; c2 < m; c2++) {
            m2[r2 * m + c2] -= f * m2[c * m + c2];
          }
          x[r2] -= f * x[c];
        }
      }
      for (int c = m - 1; c >= 0; c--) {
        double sum = x[c];
        for (int c2 = c + 1; c2 < m; c2++) {
          sum -= m2[c * m + c2] * x[c2];
        }
        x[c] = sum / m2[c * m + c];
      }
      return x;
    }

    /** Returns the early exercise premium of the put at spot {@code s} (strike {@code k}). */
    double premium(double s) {
      double[] y = sc.priceRule.nodes;
      double[] w = sc.priceRule.weights;
      double sqrtT = Math.sqrt(t);
      double lnS = Math.log(s);
      double[] hp = new double[y.length];
      interpolate(sc.priceInterp, hp);
      double sum = 0;
      for (int j = 0; j < y.length; j++) {
        // Time from now dt = t sin^2(theta), time to expiry u = t cos^2(theta): smooth at both
        // ends; d(dt) = t sin(2 theta) d theta.
        double sn = sc.priceSin[j];
        double cs = sc.priceCos[j];
        double z = sqrtT * sn;
        double dt = z * z;
        double lb = lnXmax - Math.sqrt(Math.max(hp[j], 0));
        double v = vol * z;
        double dr = FastExp.exp(-r * dt);
        double dq = FastExp.exp(-q * dt);
        double dp = (lnS - lb + (r - q) * dt) / v + 0.5 * v;
        double f = r * k * dr * FastNormal.cdf(-dp + v) - q * s * dq * FastNormal.cdf(-dp);
        sum += w[j] * 2 * sn * cs * f;
      }
      return Math.max(sum * QUARTER_PI * t, 0);
    }

    /** Li's QD+ boundary at time to expiry {@code tauI}; Newton from {@code start} if inside. */
    private double qdPlus(double tauI, double start, int maxSteps) {
      double sigma2 = vol * vol;
      double v = vol * Math.sqrt(tauI);
      double dr = FastExp.exp(-r * tauI);
      double dq = FastExp.exp(-q * tauI);
      double h = -Math.expm1(-r * tauI);
      double omega = 2 * (r - q) / sigma2;
      double root = Math.sqrt((omega - 1) * (omega - 1) + 8 * r / (sigma2 * h));
      double lambda = 0.5 * (-(omega - 1) - root);
      double lambdaPrime = 2 * r / (sigma2 * h * h * root);
      double alpha = 2 * dr * r / (sigma2 * (2 * lambda + omega - 1));
      double beta = alpha * (1 / h + lambdaPrime / (2 * lambda + omega - 1)) - lambda;
      double lo = xmax * 1e-10;
      double hi = xmax;
      // Safeguarded Newton on f(S) = (1 - dq N(-d+)) S + (lambda + c0)(K - S - p(S)).
      double x = start > lo && start < hi ? start : xmax * FastExp.exp(-2 * v);
      double flo = Double.NaN;
      for (int it = 0; it < 60; it++) {
        double dp = Math.log(x * dq / (k * dr)) / v + 0.5 * v;
        double dm = dp - v;
        double phiDp = FastNormal.cdf(-dp);
        double phiDm = FastNormal.cdf(-dm);
        double pdfDp = FastNormal.pdf(dp);
        double npv = dr * k * phiDm - x * dq * phiDp;
        double theta = r * k * dr * phiDm - q * x * dq * phiDp - sigma2 * x / (2 * v) * dq * pdfDp;
        double charm = -dq * (pdfDp * ((r - q) / v - dm / (2 * tauI)) + q * phiDp);
        double excess = k - x - npv;
        double f;
        if (Math.abs(excess) < 1e-15 * k) {
          f = (1 - dq * phiDp) * x + alpha * theta / (dr * r);
        } else {
          double c0 = -beta - lambda + alpha * theta / (dr * r * excess);
          f = (1 - dq * phiDp) * x + (lambda + c0) * excess;
        }
        double fp =
            1 - dq * phiDp + dq / v * pdfDp + beta * (1 - dq * phiDp) + alpha / (r * dr) * charm;
        if (f > 0) {
          hi = x;
        } else {
          lo = x;
          flo = f;
        }
        double xNew = x - f / fp;
        if (!(xNew > lo && xNew < hi)) {
          xNew = 0.5 * (lo + hi);
        }
        double dx = Math.abs(xNew - x);
        if (dx <= 1e-10 * x || (it >= maxSteps - 1 && dx <= 1e-3 * x)) {
          // Converged, or at the step budget with the start close (the fixed point does the
          // rest); otherwise go on (a poor extrapolated start).
          x = xNew;
          break;
        }
        x = xNew;
      }
      if (Double.isNaN(flo) && x >= xmax * (1 - 1e-12)) {
        return xmax * FastExp.exp(-v);
      }
      return Math.min(Math.max(x, xmax * 1e-10), xmax);
    }
  }
}
