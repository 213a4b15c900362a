package io.github.bsoptions.pricing.american;

import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.Checks;
import io.github.bsoptions.pricing.internal.FastExp;
import io.github.bsoptions.pricing.internal.FastLog;
import io.github.bsoptions.pricing.internal.RowChecks;

/**
 * American options by the exercise-boundary integral equation of Andersen, Lake and Offengelter
 * (2016, "High-performance American option pricing", J. Comput. Finance 20(1)).
 *
 * <p>For a put, the early exercise boundary {@code B(tau)} ({@code tau} the time to expiry) solves
 * {@code B(tau) = K e^{-(r-q) tau} N(tau, B) / D(tau, B)} with integrals of normal distribution
 * functions over the boundary at earlier times. The boundary is represented by the Chebyshev
 * interpolant of {@code H(xi) = ln(B(xi^2) / X)^2} in {@code xi = sqrt(tau)}, {@code X = K min(1,
 * r/q)} its value just before expiry; it starts from Li's QD+ approximation and improves by a fixed
 * number of plain Jacobi fixed-point iterations of ALO's equation FP-B (the value-matching form
 * with normal distribution functions, stable in every regime tested), with the integrals done by
 * Gauss-Legendre quadrature after the change of variable {@code u = tau sin^2(theta)}, which makes
 * both {@code sqrt(u)} (the boundary's Chebyshev variable) and {@code sqrt(tau - u)} (the kernels'
 * singularity) smooth, so eight points reach 1e-8. The price is the European value plus the early
 * exercise premium, an integral over the boundary done by Gauss-Legendre quadrature with the same
 * change of variable (time from now {@code t sin^2(theta)}).
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

  private static final double QUARTER_PI = 0.25 * Math.PI;

  /** FP-A schemes: FP-B Jacobi-Newton steps before the FP-A iterations. */
  private static final int NEWTON_STEPS = 1;

  /** Per-node constants of the QD+ Newton step. */
  private static final int NODE_CONSTANTS = 12;

  /**
   * A discretization of the ALO method: Chebyshev nodes for the boundary, fixed-point iterations,
   * quadrature points for the boundary integrals and for the final premium integral.
   */
  public static final class Scheme {
    /**
     * The default (10 Chebyshev intervals, 6 fixed-point iterations over-relaxed by 1.2, 8 and 24
     * quadrature points): 1e-6-class relative accuracy at tens of thousands of options per second.
     */
    public static final Scheme DEFAULT = new Scheme(10, 6, 8, 24, false, 1.2);

    /** A fast scheme, about 1e-4-class relative accuracy. */
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
    // sin^2(theta_j) and the boundary rule's weight times pi/4 sin(2 theta_j) (du / d theta, over
    // tau), at the boundary rule's points.
    private final double[] boundarySin2;
    private final double[] boundaryWeight;
    // The premium rule's weight times pi/4 sin(2 theta_j).
    private final double[] priceWeight;
    // Barycentric interpolation weights: the boundary at the quadrature points of every node (row
    // m of n+1 holds the weights of nodal value m) and at the premium points. The Chebyshev
    // variable of these points depends on the scheme only, not on the option.
    private final double[] boundaryInterp;
    private final double[] priceInterp;
    final boolean fpA;
    // FP-B steps move ln B by relaxation times the plain fixed-point step.
    final double relaxation;

    private Scheme(int nodes, int iterations, int boundaryPoints, int pricePoints) {
      this(nodes, iterations, boundaryPoints, pricePoints, false, 1.0);
    }

    private Scheme(
        int nodes,
        int iterations,
        int boundaryPoints,
        int pricePoints,
        boolean fpA,
        double relaxation) {
      this.fpA = fpA;
      this.relaxation = relaxation;
      this.nodes = nodes;
      this.iterations = iterations;
      this.boundaryRule = GaussLegendre.of(boundaryPoints);
      this.priceRule = GaussLegendre.of(pricePoints);
      this.boundarySin = new double[boundaryPoints];
      this.boundaryCos = new double[boundaryPoints];
      this.boundarySin2 = new double[boundaryPoints];
      this.boundaryWeight = new double[boundaryPoints];
      for (int j = 0; j < boundaryPoints; j++) {
        double theta = QUARTER_PI * (1 + boundaryRule.nodes[j]);
        boundarySin[j] = Math.sin(theta);
        boundaryCos[j] = Math.cos(theta);
        boundarySin2[j] = boundarySin[j] * boundarySin[j];
        boundaryWeight[j] =
            boundaryRule.weights[j] * QUARTER_PI * 2 * boundarySin[j] * boundaryCos[j];
      }
      this.priceSin = new double[pricePoints];
      this.priceCos = new double[pricePoints];
      this.priceWeight = new double[pricePoints];
      for (int j = 0; j < pricePoints; j++) {
        double theta = QUARTER_PI * (1 + priceRule.nodes[j]);
        priceSin[j] = Math.sin(theta);
        priceCos[j] = Math.cos(theta);
        priceWeight[j] = priceRule.weights[j] * QUARTER_PI * 2 * priceSin[j] * priceCos[j];
      }
      int points = nodes * boundaryPoints;
      double[] z = new double[points];
      for (int i = 0; i < nodes; i++) {
        for (int j = 0; j < boundaryPoints; j++) {
          // sqrt(u / t) = sqrt(tau_i / t) sin(theta_j), sqrt(tau_i / t) = (1 + cos(pi i / n)) / 2.
          z[i * boundaryPoints + j] = (1 + Math.cos(Math.PI * i / nodes)) * boundarySin[j] - 1;
        }
      }
      this.boundaryInterp = barycentricByNode(nodes, z);
      double[] zp = new double[pricePoints];
      for (int j = 0; j < pricePoints; j++) {
        zp[j] = 2 * priceCos[j] - 1;
      }
      this.priceInterp = barycentricByNode(nodes, zp);
      this.chebCos = new double[(nodes + 1) * (nodes + 1)];
      for (int i = 0; i <= nodes; i++) {
        for (int k = 0; k <= nodes; k++) {
          chebCos[i * (nodes + 1) + k] = Math.cos(Math.PI * i * k / nodes);
        }
      }
    }

    /**
     * Weights {@code w[m * z.length + p]} of the degree-{@code n} interpolant through the Chebyshev
     * points {@code cos(pi m / n)} at the points {@code z[p]} (barycentric formula), laid out per
     * node so that interpolation is one vectorizable axpy per node.
     */
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
      return new Scheme(nodes, iterations, boundaryPoints(), pricePoints(), useFpA, relaxation);
    }

    /**
     * Returns this scheme with the given relaxation of the FP-B iterations: each step moves {@code
     * ln B} at every node by {@code relaxation} times the plain fixed-point step (1: the plain
     * iteration). FP-B contracts the smooth part of the error by about 0.2-0.3 per step from one
     * side, so a fixed over-relaxation (the default scheme uses 1.2) converges in fewer steps; the
     * factor is a constant, so the value stays a smooth function of the inputs.
     *
     * @param relaxation the factor, in {@code (0, 2)}
     */
    public Scheme withRelaxation(double relaxation) {
      if (!(relaxation > 0 && relaxation < 2)) {
        throw new IllegalArgumentException("relaxation must be in (0, 2), was " + relaxation);
      }
      return new Scheme(nodes, iterations, boundaryPoints(), pricePoints(), fpA, relaxation);
    }

    /** Returns the relaxation factor of the FP-B iterations (1 for plain iterations). */
    public double relaxation() {
      return relaxation;
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
      return "Scheme[nodes="
          + nodes
          + ", iterations="
          + iterations
          + ", boundaryPoints="
          + boundaryPoints()
          + ", pricePoints="
          + pricePoints()
          + (relaxation != 1.0 ? ", relaxation=" + relaxation : "")
          + (fpA ? ", fpA" : "")
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
    Boundary b = new Boundary(scheme, 1.0, expiry, r, q, volatility);
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
    Boundary b = new Boundary(sc, 1.0, t, r, q, vol);
    b.solve();
    double x = s / k;
    double intrinsic = Math.max(k - s, 0);
    if (x <= b.atExpiryTime()) {
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
    private boolean fitted;

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
      double sqrtT = Math.sqrt(t);
      for (int i = 0; i <= n; i++) {
        double xi = 0.5 * sqrtT * (1 + Math.cos(Math.PI * i / n));
        tau[i] = xi * xi;
      }
      tau[n] = 0;
    }

    /** Returns the boundary at time to expiry {@code u} in {@code [0, t]}. */
    double at(double u) {
      if (!fitted) {
        fit();
        fitted = true;
      }
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

    /**
     * Sets {@code out[p]} to the interpolant of {@code H} at the points of {@code weights} (laid
     * out per node, {@code weights[m * points + p]}): one axpy over the points per node, which the
     * JIT vectorizes.
     */
    private void interpolate(double[] weights, double[] out) {
      int points = out.length;
      // H at node n (expiry) is 0, so that node adds nothing. Four nodes per pass over the points:
      // one pass per node made every pass wait on the previous pass's stores.
      int m = 0;
      for (; m + 4 <= n; m += 4) {
        double h0 = hAt(m);
        double h1 = hAt(m + 1);
        double h2 = hAt(m + 2);
        double h3 = hAt(m + 3);
        int b0 = m * points;
        int b1 = b0 + points;
        int b2 = b1 + points;
        int b3 = b2 + points;
        if (m == 0) {
          for (int p = 0; p < points; p++) {
            out[p] =
                (weights[b0 + p] * h0 + weights[b1 + p] * h1)
                    + (weights[b2 + p] * h2 + weights[b3 + p] * h3);
          }
        } else {
          for (int p = 0; p < points; p++) {
            out[p] +=
                (weights[b0 + p] * h0 + weights[b1 + p] * h1)
                    + (weights[b2 + p] * h2 + weights[b3 + p] * h3);
          }
        }
      }
      if (m == 0) {
        java.util.Arrays.fill(out, 0.0);
      }
      for (; m + 2 <= n; m += 2) {
        double h0 = hAt(m);
        double h1 = hAt(m + 1);
        int b0 = m * points;
        int b1 = b0 + points;
        for (int p = 0; p < points; p++) {
          out[p] += weights[b0 + p] * h0 + weights[b1 + p] * h1;
        }
      }
      for (; m < n; m++) {
        double hm = hAt(m);
        int base = m * points;
        for (int p = 0; p < points; p++) {
          out[p] += weights[base + p] * hm;
        }
      }
    }

    /** {@code H = (ln B - ln X)^2} at node {@code m}. */
    private double hAt(int m) {
      double d = lnB[m] - lnXmax;
      return d * d;
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
      qdPlus();
      lnB[n] = lnXmax;
      if (sc.iterations > 0) {
        if (sc.fpA) {
          iterateFpA();
        } else {
          iterateFpB();
        }
      }
    }

    /**
     * Returns the boundary at time to expiry {@code t} (now): node 0's value, which the Chebyshev
     * interpolant of {@link #at} reproduces (to rounding) without the fit.
     */
    double atExpiryTime() {
      return FastExp.exp(lnB[0]);
    }

    /**
     * The plain (relaxed) FP-B iterations. Each one runs in phases over primitive arrays: the
     * interpolated boundary at all quadrature points, the kernel arguments of all points and nodes,
     * all normal distribution functions in one vectorized pass ({@link FastNormal#cdf(double[],
     * double[], int, double[], double[])}), then the sums per node. (A Jacobi-Newton step is
     * useless here: the derivative of FP-B's right-hand side with respect to the node's own value,
     * the others held fixed, is about 1, because the kernels near {@code u = tau} are steps in
     * {@code ln B(tau) - ln B(u)}.)
     */
    private void iterateFpB() {
      int l = sc.boundaryRule.nodes.length;
      int size = n * l;
      // Per quadrature point (node i, point j at u = tau_i sin^2(theta_j), tau_i - u = tau_i
      // cos^2(theta_j)): sd = vol sqrt(tau_i - u), the kernel shift drift / sd + sd / 2, and the
      // weights with e^{ru} (numerator) and e^{qu} (denominator).
      double[] sd = new double[size];
      double[] invSd = new double[size];
      double[] shift = new double[size];
      double[] wa = new double[size];
      double[] qa = new double[size];
      double rq = r - q;
      for (int i = 0; i < n; i++) {
        double ti = tau[i];
        double sti = Math.sqrt(ti);
        int base = i * l;
        for (int j = 0; j < l; j++) {
          int idx = base + j;
          double cs = sc.boundaryCos[j];
          double sdv = vol * sti * cs;
          double inv = 1 / sdv;
          sd[idx] = sdv;
          invSd[idx] = inv;
          shift[idx] = rq * (ti * cs * cs) * inv + 0.5 * sdv;
          double u = ti * sc.boundarySin2[j];
          wa[idx] = r * u;
          qa[idx] = q * u;
        }
      }
      exp(wa, size);
      exp(qa, size);
      for (int i = 0; i < n; i++) {
        double ti = tau[i];
        int base = i * l;
        for (int j = 0; j < l; j++) {
          double wt = sc.boundaryWeight[j] * ti;
          wa[base + j] *= wt;
          qa[base + j] *= wt;
        }
      }
      // Per node: d+ = (ln B + (r - q) tau - ln K) / v + v / 2, v = vol sqrt(tau).
      double[] nodeV = new double[n];
      double[] nodeA = new double[n];
      double lnK = Math.log(k);
      for (int i = 0; i < n; i++) {
        nodeV[i] = vol * Math.sqrt(tau[i]);
        nodeA[i] = rq * tau[i] - lnK;
      }
      // Arguments (and then values) of the distribution functions, in one array so that one
      // vectorized pass does them all: [0, size) the numerator kernels N(e+ - sd), [size, 2 size)
      // the denominator kernels N(e+), then N(d-) and N(d+) of the n nodes.
      int count = 2 * size + 2 * n;
      double[] arg = new double[count];
      double[] cdf = new double[count];
      double[] scratch1 = new double[count];
      double[] scratch2 = new double[count];
      double[] hv = new double[size];
      double[] gv = new double[size];
      double[] rootH = new double[size];
      double[] next = new double[n];
      double relax = sc.relaxation;
      for (int it = 0; it < sc.iterations; it++) {
        interpolate(sc.boundaryInterp, hv);
        for (int i = 0; i < n; i++) {
          double lbi = lnB[i];
          java.util.Arrays.fill(gv, i * l, i * l + l, lbi - lnXmax);
          double v = nodeV[i];
          double dp = (lbi + nodeA[i]) / v + 0.5 * v;
          arg[2 * size + i] = dp - v;
          arg[2 * size + n + i] = dp;
        }
        // e+ = (ln B(tau) - ln B(u)) / sd + shift, ln B(u) = ln X - sqrt(H(u)). Each loop writes
        // one range of arg and reads other arrays only, which the JIT needs to vectorize it.
        for (int idx = 0; idx < size; idx++) {
          rootH[idx] = (gv[idx] + Math.sqrt(Math.max(hv[idx], 0))) * invSd[idx] + shift[idx];
        }
        for (int idx = 0; idx < size; idx++) {
          arg[idx] = rootH[idx] - sd[idx];
        }
        System.arraycopy(rootH, 0, arg, size, size);
        FastNormal.cdf(arg, cdf, count, scratch1, scratch2);
        for (int i = 0; i < n; i++) {
          double ni = 0;
          double di = 0;
          int base = i * l;
          for (int j = 0; j < l; j++) {
            ni += wa[base + j] * cdf[base + j];
            di += qa[base + j] * cdf[size + base + j];
          }
          double num = cdf[2 * size + i] + r * ni;
          double den = cdf[2 * size + n + i] + q * di;
          double lbi = lnB[i];
          double lnF = Math.min(FastLog.log(k * num / den) - rq * tau[i], lnXmax);
          double lnNew = lbi + relax * (lnF - lbi);
          next[i] = Math.max(Math.min(lnNew, lnXmax), lnXmax - 700);
        }
        System.arraycopy(next, 0, lnB, 0, n);
      }
    }

    /**
     * Replaces {@code x[i]} by {@code e^{x[i]}} for {@code i < count}: one loop, in which the JIT
     * inlines {@link FastExp#exp} (called once per point from a longer loop, it stayed a call).
     */
    private static void exp(double[] x, int count) {
      for (int i = 0; i < count; i++) {
        x[i] = FastExp.exp(x[i]);
      }
    }

    /** FP-A iterations, the first {@link #NEWTON_STEPS} FP-B Jacobi-Newton steps. */
    private void iterateFpA() {
      int l = sc.boundaryRule.nodes.length;
      double[] w = sc.boundaryRule.weights;
      int size = n * l;
      double[] sd = new double[size];
      double[] drift = new double[size];
      double[] wa = new double[size]; // weight * e^{ru} * tau (1+y)/2 (smooth integrals)
      double[] qa = new double[size];
      double[] wb = new double[size]; // weight * e^{ru} * sqrt(tau) / vol
      double[] qb = new double[size];
      for (int i = 0; i < n; i++) {
        double ti = tau[i];
        double sti = Math.sqrt(ti);
        for (int j = 0; j < l; j++) {
          int idx = i * l + j;
          double sn = sc.boundarySin[j];
          double s = sc.boundaryCos[j];
          double dt = ti * s * s;
          double u = ti * sn * sn;
          sd[idx] = vol * sti * s;
          drift[idx] = (r - q) * dt;
          double er = FastExp.exp(r * u);
          double eq = FastExp.exp(q * u);
          double wj = w[j] * QUARTER_PI;
          wa[idx] = wj * er * ti * 2 * sn * s;
          qa[idx] = wj * eq * ti * 2 * sn * s;
          wb[idx] = wj * er * sti * 2 * sn / vol;
          qb[idx] = wj * eq * sti * 2 * sn / vol;
        }
      }
      double[] next = new double[n];
      double[] hv = new double[size];
      for (int it = 0; it < sc.iterations; it++) {
        interpolate(sc.boundaryInterp, hv);
        for (int i = 0; i < n; i++) {
          double ti = tau[i];
          double lbi = lnB[i];
          double v = vol * Math.sqrt(ti);
          double dp = (lbi - Math.log(k) + (r - q) * ti) / v + 0.5 * v;
          double dm = dp - v;
          if (it < NEWTON_STEPS) {
            // FP-B Jacobi-Newton steps on L - ln f(L), L = ln B(tau_i), the other nodes fixed.
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
            double lnNew = step > 0.05 && step < 20 ? lbi - (lbi - lnF) / step : lnF;
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
            double ep = (lbi - lbu + drift[idx]) / s + 0.5 * s;
            double em = ep - s;
            ni += wb[idx] * FastNormal.pdf(em);
            di += qa[idx] * FastNormal.cdf(ep) + qb[idx] * FastNormal.pdf(ep);
          }
          num += r * ni;
          den += q * di;
          double bNew = k * FastExp.exp(-(r - q) * ti) * num / den;
          next[i] = Math.log(Math.min(Math.max(bNew, Double.MIN_NORMAL), xmax));
        }
        System.arraycopy(next, 0, lnB, 0, n);
      }
    }

    /** Returns the early exercise premium of the put at spot {@code s} (strike {@code k}). */
    double premium(double s) {
      int m = sc.priceSin.length;
      double sqrtT = Math.sqrt(t);
      double lnS = Math.log(s);
      double[] hp = new double[m];
      interpolate(sc.priceInterp, hp);
      // Time from now dt = t sin^2(theta), time to expiry u = t cos^2(theta): smooth at both ends;
      // d(dt) = t sin(2 theta) d theta. Arguments: [0, m) N(-d+ + v), [m, 2m) N(-d+).
      double[] arg = new double[2 * m];
      double[] cdf = new double[2 * m];
      double[] dr = new double[m];
      double[] dq = new double[m];
      for (int j = 0; j < m; j++) {
        double z = sqrtT * sc.priceSin[j];
        double dt = z * z;
        double lb = lnXmax - Math.sqrt(Math.max(hp[j], 0));
        double v = vol * z;
        double dp = (lnS - lb + (r - q) * dt) / v + 0.5 * v;
        arg[j] = -dp + v;
        arg[m + j] = -dp;
        dr[j] = -r * dt;
        dq[j] = -q * dt;
      }
      exp(dr, m);
      exp(dq, m);
      FastNormal.cdf(arg, cdf, 2 * m, new double[2 * m], new double[2 * m]);
      double sum = 0;
      for (int j = 0; j < m; j++) {
        double f = r * k * dr[j] * cdf[j] - q * s * dq[j] * cdf[m + j];
        sum += sc.priceWeight[j] * f;
      }
      return Math.max(sum * t, 0);
    }

    /**
     * Sets {@code lnB[i]}, {@code i < n}, to the log of Li's QD+ boundary at the nodes. The nodes'
     * safeguarded Newton iterations are independent (each starts from {@code X e^{-2 vol
     * sqrt(tau)}}), so they run side by side, one step of every unconverged node per round: the
     * processor overlaps them, where one node after another (each from its neighbour's root) waited
     * on each step's dependency chain. Each node's result is the same as iterating it alone.
     */
    private void qdPlus() {
      double sigma2 = vol * vol;
      double omega = 2 * (r - q) / sigma2;
      double[] x = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      double[] flo = new double[n];
      double[] v = new double[n];
      // Per node, NODE_CONSTANTS values (see qdPlusStep): everything in a Newton step that does
      // not depend on the iterate, so that a step has two divisions.
      double[] c = new double[n * NODE_CONSTANTS];
      boolean[] done = new boolean[n];
      for (int i = 0; i < n; i++) {
        double tauI = tau[i];
        double vi = vol * Math.sqrt(tauI);
        double dr = FastExp.exp(-r * tauI);
        double dq = FastExp.exp(-q * tauI);
        double h = -Math.expm1(-r * tauI);
        double root = Math.sqrt((omega - 1) * (omega - 1) + 8 * r / (sigma2 * h));
        double lambda = 0.5 * (-(omega - 1) - root);
        double lambdaPrime = 2 * r / (sigma2 * h * h * root);
        double alpha = 2 * dr * r / (sigma2 * (2 * lambda + omega - 1));
        double beta = alpha * (1 / h + lambdaPrime / (2 * lambda + omega - 1)) - lambda;
        int b = i * NODE_CONSTANTS;
        c[b] = 1 / vi;
        c[b + 1] = FastLog.log(dq / (k * dr));
        c[b + 2] = 0.5 * vi;
        c[b + 3] = dr * k;
        c[b + 4] = dq;
        c[b + 5] = sigma2 / (2 * vi) * dq;
        c[b + 6] = (r - q) / vi;
        c[b + 7] = 1 / (2 * tauI);
        c[b + 8] = alpha / (dr * r);
        c[b + 9] = lambda;
        c[b + 10] = beta;
        c[b + 11] = dq / vi;
        v[i] = vi;
        lo[i] = xmax * 1e-10;
        hi[i] = xmax;
        x[i] = xmax * FastExp.exp(-2 * vi);
        flo[i] = Double.NaN;
      }
      // Per round: the unconverged nodes' N(-d+), N(-d-) in one vectorized pass.
      int[] act = new int[n];
      double[] arg = new double[2 * n];
      double[] val = new double[2 * n];
      double[] s1 = new double[2 * n];
      double[] s2 = new double[2 * n];
      int active = n;
      for (int it = 0; it < 60 && active > 0; it++) {
        int na = 0;
        for (int i = 0; i < n; i++) {
          if (!done[i]) {
            int b = i * NODE_CONSTANTS;
            double dp = (FastLog.log(x[i]) + c[b + 1]) * c[b] + c[b + 2];
            arg[na] = -dp;
            arg[n + na] = -dp + 2 * c[b + 2];
            act[na++] = i;
          }
        }
        System.arraycopy(arg, n, arg, na, na);
        FastNormal.cdf(arg, val, 2 * na, s1, s2);
        for (int a = 0; a < na; a++) {
          int i = act[a];
          if (qdPlusStep(i, x, lo, hi, flo, c, -arg[a], val[a], val[na + a])) {
            done[i] = true;
            active--;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        double b;
        if (Double.isNaN(flo[i]) && x[i] >= xmax * (1 - 1e-12)) {
          b = xmax * FastExp.exp(-v[i]);
        } else {
          b = Math.min(Math.max(x[i], xmax * 1e-10), xmax);
        }
        lnB[i] = FastLog.log(b);
      }
    }

    /**
     * One safeguarded Newton step of node {@code i} on {@code f(S) = (1 - dq N(-d+)) S + (lambda +
     * c0)(K - S - p(S))}, updating {@code xs[i]} and its bracket; returns true when converged.
     */
    private boolean qdPlusStep(
        int i,
        double[] xs,
        double[] los,
        double[] his,
        double[] flos,
        double[] c,
        double dp,
        double phiDp,
        double phiDm) {
      int b = i * NODE_CONSTANTS;
      double drK = c[b + 3];
      double dq = c[b + 4];
      double alphaOverDrR = c[b + 8];
      double lambda = c[b + 9];
      double beta = c[b + 10];
      double x = xs[i];
      double dm = dp - 2 * c[b + 2];
      double pdfDp = FastNormal.pdf(dp);
      double npv = drK * phiDm - x * dq * phiDp;
      double theta = r * drK * phiDm - q * x * dq * phiDp - x * c[b + 5] * pdfDp;
      double charm = -dq * (pdfDp * (c[b + 6] - dm * c[b + 7]) + q * phiDp);
      double excess = k - x - npv;
      double f;
      if (Math.abs(excess) < 1e-15 * k) {
        f = (1 - dq * phiDp) * x + alphaOverDrR * theta;
      } else {
        double c0 = -beta - lambda + alphaOverDrR * theta / excess;
        f = (1 - dq * phiDp) * x + (lambda + c0) * excess;
      }
      double fp =
          1 - dq * phiDp + c[b + 11] * pdfDp + beta * (1 - dq * phiDp) + alphaOverDrR * charm;
      if (f > 0) {
        his[i] = x;
      } else {
        los[i] = x;
        flos[i] = f;
      }
      double xNew = x - f / fp;
      if (!(xNew > los[i] && xNew < his[i])) {
        xNew = 0.5 * (los[i] + his[i]);
      }
      xs[i] = xNew;
      // Converged far below the start's own error (about 1e-3): a looser tolerance (1e-7 was
      // tried) saves a Newton step per node but makes the value jump by up to 1e-9 relative
      // where the step count changes (long expiries, where this Newton iteration is slow).
      return Math.abs(xNew - x) <= 1e-10 * x;
    }
  }
}
