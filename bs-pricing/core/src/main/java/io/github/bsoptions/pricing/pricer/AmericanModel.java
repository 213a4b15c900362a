package io.github.bsoptions.pricing.pricer;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.american.AndersenLakeOffengelter;
import io.github.bsoptions.pricing.american.BaroneAdesiWhaley;
import io.github.bsoptions.pricing.american.BinomialTree;
import io.github.bsoptions.pricing.american.BjerksundStensland;
import io.github.bsoptions.pricing.american.TreeType;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.formula.ImpliedVolResult;
import io.github.bsoptions.pricing.formula.ImpliedVolatility;
import io.github.bsoptions.pricing.greeks.Greeks;
import io.github.bsoptions.pricing.internal.BlackScholesKernel;
import io.github.bsoptions.pricing.internal.Checks;
import io.github.bsoptions.pricing.internal.RowChecks;
import io.github.bsoptions.pricing.product.OptionType;
import java.util.stream.IntStream;

/**
 * American options under Black-Scholes-Merton dynamics (continuous dividend yield, optionally
 * discrete cash dividends), priced by one {@link AmericanMethod}.
 *
 * <p>Where early exercise is never optimal (see {@link
 * AndersenLakeOffengelter#earlyExerciseCanBeOptimal}) and there are no cash dividends, the value
 * and greeks are the European analytic ones. Otherwise greeks are numerical: central differences of
 * the price with bumps {@code h_S = 1e-4 S} and {@code h_K = 1e-4 K} (1e-2 for trees, whose values
 * are not smooth in the spot), {@code h_sigma = 1e-4}, {@code h_r = h_q = 1e-4} and {@code h_T =
 * 1e-4 max(T, 1/365)} (one-sided near 0). For the ALO method the discretization is fixed, so the
 * price is smooth in every input: the bump error is below 1e-6 relative, and the greeks inherit the
 * discretization error of the default scheme (about 2e-4 relative against the reference scheme for
 * vega, less for delta); for trees the error is that of the tree (about 1e-3 relative). Every greek
 * is filled. The third-order ones are nested differences of the same stencils: charm, color and
 * veta difference delta, gamma and vega over expiries {@code T +- h_T}, zomma differences gamma
 * over {@code sigma +- h_sigma}; speed and ultima use the four-point third-difference stencil with
 * ten times the step ({@code 1e-3 S}, {@code 1e-3} vol; one-sided near 0), since the price's
 * rounding noise is divided by the step cubed. Measured error of the ALO default: against the
 * analytic values where the premium vanishes (put, r = 1e-6) at most 7.5e-5 relative (ultima;
 * 4.4e-5 speed, 1e-5 color, about 1e-6 the others), and against the same differences of the
 * reference scheme up to 3e-3 relative (speed of an in-the-money put), typically 1e-5. At expiry 0
 * the greeks follow the European convention of {@link
 * io.github.bsoptions.pricing.formula.BlackScholesFormulas}.
 *
 * <p>Implied volatility inverts the model's own price with a bracketed secant iteration (bisection
 * whenever a step leaves the bracket) started from the European implied volatility and the European
 * implied volatility of the de-Americanized price (minus the early exercise premium at the first
 * point); it stops at {@code 1e-12} relative price accuracy (checked from the first point on), or
 * when a secant step is below {@code 1e-12} relative (the price function's rounding noise, about
 * 1e-15 of the strike, can exceed 1e-12 of a small price). With a smooth pricer (ALO, BAW, BjS) and
 * three points, the step of the quadratic premium model is returned without its own price
 * evaluation when the model's quadratic term there is below a tenth of the tolerance (its error,
 * the cubic term, is smaller still; what remains is the pricer's rounding noise, a few 1e-12 of the
 * price at worst). About 3 price evaluations on average. Statuses: {@code EXPIRED} (expiry 0),
 * {@code BELOW_INTRINSIC} (below {@code max(payoff, 0)}, or below the zero-volatility American
 * value), {@code NO_TIME_VALUE} (equal to the zero-volatility value, e.g. deep in the exercise
 * region), {@code ABOVE_UPPER_BOUND} (at or above {@code max(S, S e^{-qT})} for a call, {@code
 * max(K, K e^{-rT})} for a put, or above the value at volatility 1000%), invalid-input statuses
 * naming the field ({@code INVALID_DIVIDEND_YIELD} also for bad cash-dividend arrays), and {@code
 * NOT_CONVERGED} (never expected).
 *
 * <p>With discrete cash dividends the tree methods use their own tree; the ALO, BAW and BjS
 * methods, which have no discrete-dividend form, use a Leisen-Reimer tree with {@link #treeSteps()}
 * steps (escrowed-dividend model, see {@link BinomialTree}).
 */
public final class AmericanModel implements PricingModel {
  /** Default tree steps for the tree methods and the discrete-dividend fallback. */
  public static final int DEFAULT_TREE_STEPS = 501;

  private static final double MAX_VOL = 10.0;

  /**
   * The American IV returns the quadratic premium model's root without evaluating the price there
   * when the model's quadratic term at that root is below this fraction of the price tolerance.
   */
  private static final double SKIP_FRACTION = 0.1;

  private static final double[] NONE = new double[0];

  private final AmericanMethod method;
  private final int treeSteps;
  private final AndersenLakeOffengelter.Scheme scheme;

  private AmericanModel(
      AmericanMethod method, int treeSteps, AndersenLakeOffengelter.Scheme scheme) {
    this.method = Checks.notNull(method, "method");
    this.treeSteps = (int) Checks.inRange(treeSteps, 1, 100_000, "treeSteps");
    this.scheme = Checks.notNull(scheme, "scheme");
  }

  /** Returns the default model: {@link AmericanMethod#ALO} with its default scheme. */
  public static AmericanModel create() {
    return of(AmericanMethod.ALO);
  }

  /** Returns a model with the given method ({@value #DEFAULT_TREE_STEPS} steps for trees). */
  public static AmericanModel of(AmericanMethod method) {
    return new AmericanModel(method, DEFAULT_TREE_STEPS, AndersenLakeOffengelter.Scheme.DEFAULT);
  }

  /** Returns a model with the given method and tree steps (1 to 100,000). */
  public static AmericanModel of(AmericanMethod method, int treeSteps) {
    return new AmericanModel(method, treeSteps, AndersenLakeOffengelter.Scheme.DEFAULT);
  }

  /** Returns an ALO model with the given discretization. */
  public static AmericanModel of(AndersenLakeOffengelter.Scheme scheme) {
    return new AmericanModel(AmericanMethod.ALO, DEFAULT_TREE_STEPS, scheme);
  }

  /** Returns the method. */
  public AmericanMethod method() {
    return method;
  }

  /** Returns the tree steps (tree methods and the discrete-dividend fallback). */
  public int treeSteps() {
    return treeSteps;
  }

  @Override
  public String name() {
    return "american";
  }

  @Override
  public String toString() {
    return "AmericanModel[" + method.shortName() + (method.isTree() ? ", " + treeSteps : "") + "]";
  }

  @Override
  public double price(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    return price(type, spot, strike, expiry, rate, div, vol, NONE, NONE);
  }

  /**
   * Returns the value with discrete cash dividends.
   *
   * @param dividendTimes ex-dividend times in years; entries outside {@code (0, expiry]} are
   *     ignored
   * @param dividendAmounts cash amounts, {@code >= 0}, one per time
   */
  public double price(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double[] dividendTimes,
      double[] dividendAmounts) {
    Checks.notNull(type, "type");
    check(spot, strike, expiry, rate, div, vol);
    boolean hasDividends = hasDividends(expiry, dividendTimes, dividendAmounts);
    return value(
        type.isCall(),
        spot,
        strike,
        expiry,
        rate,
        div,
        vol,
        hasDividends,
        dividendTimes,
        dividendAmounts);
  }

  /**
   * Prices every row of {@code batch} as an American option (no cash dividends) and writes the
   * value to {@code priceOut} and a {@link PricingStatus} code to {@code statusOut}; a bad row gets
   * its invalid-input status (the first invalid field: spot, strike, expiry, rate, dividend yield,
   * volatility) and NaN, and the batch goes on: nothing is thrown for row data. Batches of at least
   * {@value #BATCH_CHUNK} rows are split across the common fork-join pool unless the system
   * property {@value ScalarPricingBackend#THREADS_PROPERTY} is 1. No allocation per row.
   *
   * @param batch the options; its volatility column must not be null
   * @param priceOut the values, at least {@code batch.size()} long
   * @param statusOut the statuses, at least {@code batch.size()} long
   * @throws IllegalArgumentException if the volatility column is null or an output is too short
   */
  public void price(OptionBatch batch, double[] priceOut, byte[] statusOut) {
    Checks.notNull(batch, "batch");
    if (batch.volatility() == null) {
      throw new IllegalArgumentException("batch.volatility must not be null for prices");
    }
    int n = batch.size();
    requireCapacity(priceOut.length, n, "priceOut");
    requireCapacity(statusOut.length, n, "statusOut");
    forChunks(
        n,
        (from, to) -> {
          boolean[] call = batch.call();
          double[] s = batch.spot();
          double[] k = batch.strike();
          double[] t = batch.expiry();
          double[] r = batch.rate();
          double[] q = batch.dividendYield();
          double[] v = batch.volatility();
          for (int i = from; i < to; i++) {
            byte code =
                RowChecks.validate(BatchModel.BLACK_SCHOLES, s[i], k[i], t[i], r[i], q[i], v[i]);
            statusOut[i] = code;
            priceOut[i] =
                code == PricingStatus.OK.code()
                    ? price(
                        call[i] ? OptionType.CALL : OptionType.PUT,
                        s[i],
                        k[i],
                        t[i],
                        r[i],
                        q[i],
                        v[i])
                    : Double.NaN;
          }
        });
  }

  /**
   * Solves the American implied volatility of every row (see {@link #impliedVolatility(OptionType,
   * double, double, double, double, double, double)}): the volatility, NaN unless OK, in {@code
   * volOut}, the status code in {@code statusOut}; never throws for row data. Parallel as {@link
   * #price(OptionBatch, double[], byte[])}; the batch's volatility column is not used.
   *
   * @throws IllegalArgumentException if an array is shorter than the batch
   */
  public void impliedVolatility(
      OptionBatch batch, double[] prices, double[] volOut, byte[] statusOut) {
    Checks.notNull(batch, "batch");
    int n = batch.size();
    requireCapacity(prices.length, n, "prices");
    requireCapacity(volOut.length, n, "volOut");
    requireCapacity(statusOut.length, n, "statusOut");
    forChunks(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            ImpliedVolResult res =
                impliedVolatility(
                    batch.call()[i] ? OptionType.CALL : OptionType.PUT,
                    batch.spot()[i],
                    batch.strike()[i],
                    batch.expiry()[i],
                    batch.rate()[i],
                    batch.dividendYield()[i],
                    prices[i]);
            statusOut[i] = res.status().code();
            volOut[i] = res.volatility();
          }
        });
  }

  /** Rows per parallel chunk of the batch methods, and the smallest batch that is split. */
  public static final int BATCH_CHUNK = 64;

  private static void requireCapacity(int length, int n, String name) {
    if (length < n) {
      throw new IllegalArgumentException(name + " has length " + length + ", needs " + n);
    }
  }

  private interface RangeTask {
    void run(int from, int to);
  }

  private static void forChunks(int n, RangeTask task) {
    int threads =
        Integer.getInteger(
            ScalarPricingBackend.THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    if (n < BATCH_CHUNK || threads < 2) {
      task.run(0, n);
      return;
    }
    int chunks = (n + BATCH_CHUNK - 1) / BATCH_CHUNK;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> task.run(c * BATCH_CHUNK, Math.min(n, (c + 1) * BATCH_CHUNK)));
  }

  @Override
  public Greeks greeks(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol) {
    return greeks(type, spot, strike, expiry, rate, div, vol, NONE, NONE);
  }

  /** Returns the value and numerical greeks with discrete cash dividends (see the class notes). */
  public Greeks greeks(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double[] dividendTimes,
      double[] dividendAmounts) {
    Checks.notNull(type, "type");
    check(spot, strike, expiry, rate, div, vol);
    boolean c = type.isCall();
    boolean dv = hasDividends(expiry, dividendTimes, dividendAmounts);
    double[] dt = dividendTimes;
    double[] da = dividendAmounts;
    double p0 = value(c, spot, strike, expiry, rate, div, vol, dv, dt, da);
    if (expiry == 0) {
      Greeks g = BlackScholesFormulas.greeks(c, spot, strike, 0, rate, div, vol);
      return new Greeks(
          p0,
          g.delta(),
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          g.charm(),
          g.veta(),
          g.speed(),
          g.zomma(),
          g.color(),
          g.ultima(),
          g.dualDelta(),
          0);
    }
    if (!dv && !AndersenLakeOffengelter.earlyExerciseCanBeOptimal(c, rate, div)) {
      // No early exercise: the European analytic greeks are exact.
      Greeks g = BlackScholesFormulas.greeks(c, spot, strike, expiry, rate, div, vol);
      return new Greeks(
          p0,
          g.delta(),
          g.gamma(),
          g.vega(),
          g.theta(),
          g.rho(),
          g.dividendRho(),
          g.vanna(),
          g.volga(),
          g.charm(),
          g.veta(),
          g.speed(),
          g.zomma(),
          g.color(),
          g.ultima(),
          g.dualDelta(),
          g.dualGamma());
    }
    boolean tree = method.isTree() || dv;
    // Spot.
    double hs = (tree ? 1e-2 : 1e-4) * Math.max(spot, 1e-8 * strike);
    double delta;
    double gamma;
    if (spot > hs) {
      double up = value(c, spot + hs, strike, expiry, rate, div, vol, dv, dt, da);
      double dn = value(c, spot - hs, strike, expiry, rate, div, vol, dv, dt, da);
      delta = (up - dn) / (2 * hs);
      gamma = (up - 2 * p0 + dn) / (hs * hs);
    } else {
      double up = value(c, spot + hs, strike, expiry, rate, div, vol, dv, dt, da);
      double up2 = value(c, spot + 2 * hs, strike, expiry, rate, div, vol, dv, dt, da);
      delta = (-3 * p0 + 4 * up - up2) / (2 * hs);
      gamma = (p0 - 2 * up + up2) / (hs * hs);
    }
    // Delta of an American option lies in [0, 1] for calls and [-1, 0] for puts; clamp the
    // rounding noise of the differences (deep in the exercise region delta is exactly -1 or 1).
    delta = c ? Math.min(Math.max(delta, 0), 1) : Math.min(Math.max(delta, -1), 0);
    // Volatility: vega, volga, vanna.
    double hv = 1e-4;
    double vega;
    double volga;
    double vanna;
    double[] zommaPoints = null;
    if (vol > hv) {
      double vu = value(c, spot, strike, expiry, rate, div, vol + hv, dv, dt, da);
      double vd = value(c, spot, strike, expiry, rate, div, vol - hv, dv, dt, da);
      vega = (vu - vd) / (2 * hv);
      volga = (vu - 2 * p0 + vd) / (hv * hv);
      double hsv = Math.min(hs, 0.5 * spot);
      if (hsv > 0) {
        double uu = value(c, spot + hsv, strike, expiry, rate, div, vol + hv, dv, dt, da);
        double ud = value(c, spot + hsv, strike, expiry, rate, div, vol - hv, dv, dt, da);
        double du = value(c, spot - hsv, strike, expiry, rate, div, vol + hv, dv, dt, da);
        double dd = value(c, spot - hsv, strike, expiry, rate, div, vol - hv, dv, dt, da);
        vanna = (uu - ud - du + dd) / (4 * hsv * hv);
        if (hsv == hs && spot > hs) {
          zommaPoints = new double[] {uu, ud, vu, vd, du, dd};
        }
      } else {
        vanna = 0;
      }
    } else {
      double vu = value(c, spot, strike, expiry, rate, div, vol + hv, dv, dt, da);
      double vu2 = value(c, spot, strike, expiry, rate, div, vol + 2 * hv, dv, dt, da);
      vega = (-3 * p0 + 4 * vu - vu2) / (2 * hv);
      volga = (p0 - 2 * vu + vu2) / (hv * hv);
      vanna = 0;
    }
    // Rates.
    double hr = 1e-4;
    double rho =
        (value(c, spot, strike, expiry, rate + hr, div, vol, dv, dt, da)
                - value(c, spot, strike, expiry, rate - hr, div, vol, dv, dt, da))
            / (2 * hr);
    double psi =
        (value(c, spot, strike, expiry, rate, div + hr, vol, dv, dt, da)
                - value(c, spot, strike, expiry, rate, div - hr, vol, dv, dt, da))
            / (2 * hr);
    // Time: theta = -dV/dT.
    double ht = 1e-4 * Math.max(expiry, 1.0 / 365);
    double theta;
    if (expiry > 2 * ht) {
      theta =
          -(value(c, spot, strike, expiry + ht, rate, div, vol, dv, dt, da)
                  - value(c, spot, strike, expiry - ht, rate, div, vol, dv, dt, da))
              / (2 * ht);
    } else {
      theta = -(value(c, spot, strike, expiry + ht, rate, div, vol, dv, dt, da) - p0) / ht;
    }
    // Strike.
    double hk = (tree ? 1e-2 : 1e-4) * Math.max(strike, 1e-8 * spot);
    double dualDelta;
    double dualGamma;
    double ku = value(c, spot, strike + hk, expiry, rate, div, vol, dv, dt, da);
    if (strike > hk) {
      double kd = value(c, spot, strike - hk, expiry, rate, div, vol, dv, dt, da);
      dualDelta = (ku - kd) / (2 * hk);
      dualGamma = (ku - 2 * p0 + kd) / (hk * hk);
    } else {
      double ku2 = value(c, spot, strike + 2 * hk, expiry, rate, div, vol, dv, dt, da);
      dualDelta = (-3 * p0 + 4 * ku - ku2) / (2 * hk);
      dualGamma = (p0 - 2 * ku + ku2) / (hk * hk);
    }
    // Third order. Mixed derivatives with time or volatility: delta, gamma and vega at bumped
    // expiries and volatilities, with the stencils above. Pure third derivatives (speed, ultima):
    // a ten times larger step, since the price's rounding noise (about 1e-15 of the strike) is
    // divided by the step cubed.
    double[] dgUp;
    double[] dgDn;
    double hT;
    if (expiry > 2 * ht) {
      dgUp = deltaGamma(c, spot, hs, strike, expiry - ht, rate, div, vol, dv, dt, da);
      dgDn = deltaGamma(c, spot, hs, strike, expiry + ht, rate, div, vol, dv, dt, da);
      hT = 2 * ht;
    } else {
      dgUp = new double[] {delta, gamma};
      dgDn = deltaGamma(c, spot, hs, strike, expiry + ht, rate, div, vol, dv, dt, da);
      hT = ht;
    }
    // d/dt = -d/dT: "up" is the shorter expiry.
    double charm = (dgUp[0] - dgDn[0]) / hT;
    double color = (dgUp[1] - dgDn[1]) / hT;
    double veta;
    double zomma;
    if (vol > hv) {
      double vegaShort =
          vegaAt(
              c,
              spot,
              strike,
              expiry > 2 * ht ? expiry - ht : expiry,
              rate,
              div,
              vol,
              hv,
              dv,
              dt,
              da);
      double vegaLong = vegaAt(c, spot, strike, expiry + ht, rate, div, vol, hv, dv, dt, da);
      veta = (vegaShort - vegaLong) / hT;
      if (zommaPoints != null) {
        // The vanna points give gamma at sigma +- h_sigma directly.
        double gUp = (zommaPoints[0] - 2 * zommaPoints[2] + zommaPoints[4]) / (hs * hs);
        double gDn = (zommaPoints[1] - 2 * zommaPoints[3] + zommaPoints[5]) / (hs * hs);
        zomma = (gUp - gDn) / (2 * hv);
      } else {
        double[] gvUp = deltaGamma(c, spot, hs, strike, expiry, rate, div, vol + hv, dv, dt, da);
        double[] gvDn = deltaGamma(c, spot, hs, strike, expiry, rate, div, vol - hv, dv, dt, da);
        zomma = (gvUp[1] - gvDn[1]) / (2 * hv);
      }
    } else {
      double vega1 = vegaAt(c, spot, strike, expiry + ht, rate, div, vol, hv, dv, dt, da);
      veta = (vega - vega1) / ht;
      double[] gvUp = deltaGamma(c, spot, hs, strike, expiry, rate, div, vol + hv, dv, dt, da);
      zomma = (gvUp[1] - gamma) / hv;
    }
    double h3 = tree ? hs : 10 * hs;
    double speed;
    if (spot > 2 * h3) {
      speed =
          (value(c, spot + 2 * h3, strike, expiry, rate, div, vol, dv, dt, da)
                  - 2 * value(c, spot + h3, strike, expiry, rate, div, vol, dv, dt, da)
                  + 2 * value(c, spot - h3, strike, expiry, rate, div, vol, dv, dt, da)
                  - value(c, spot - 2 * h3, strike, expiry, rate, div, vol, dv, dt, da))
              / (2 * h3 * h3 * h3);
    } else {
      speed =
          (-p0
                  + 3 * value(c, spot + h3, strike, expiry, rate, div, vol, dv, dt, da)
                  - 3 * value(c, spot + 2 * h3, strike, expiry, rate, div, vol, dv, dt, da)
                  + value(c, spot + 3 * h3, strike, expiry, rate, div, vol, dv, dt, da))
              / (h3 * h3 * h3);
    }
    double hv3 = 10 * hv;
    double ultima;
    if (vol > 2 * hv3) {
      ultima =
          (value(c, spot, strike, expiry, rate, div, vol + 2 * hv3, dv, dt, da)
                  - 2 * value(c, spot, strike, expiry, rate, div, vol + hv3, dv, dt, da)
                  + 2 * value(c, spot, strike, expiry, rate, div, vol - hv3, dv, dt, da)
                  - value(c, spot, strike, expiry, rate, div, vol - 2 * hv3, dv, dt, da))
              / (2 * hv3 * hv3 * hv3);
    } else {
      ultima =
          (-p0
                  + 3 * value(c, spot, strike, expiry, rate, div, vol + hv3, dv, dt, da)
                  - 3 * value(c, spot, strike, expiry, rate, div, vol + 2 * hv3, dv, dt, da)
                  + value(c, spot, strike, expiry, rate, div, vol + 3 * hv3, dv, dt, da))
              / (hv3 * hv3 * hv3);
    }
    return new Greeks(
        p0, delta, gamma, vega, theta, rho, psi, vanna, volga, charm, veta, speed, zomma, color,
        ultima, dualDelta, dualGamma);
  }

  /**
   * Returns {delta, gamma} at the given inputs with the spot stencil of {@link #greeks} (central
   * with step {@code hs}, or one-sided where {@code spot <= hs}).
   */
  private double[] deltaGamma(
      boolean c,
      double spot,
      double hs,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      boolean dv,
      double[] dt,
      double[] da) {
    double p = value(c, spot, strike, expiry, rate, div, vol, dv, dt, da);
    double up = value(c, spot + hs, strike, expiry, rate, div, vol, dv, dt, da);
    if (spot > hs) {
      double dn = value(c, spot - hs, strike, expiry, rate, div, vol, dv, dt, da);
      return new double[] {(up - dn) / (2 * hs), (up - 2 * p + dn) / (hs * hs)};
    }
    double up2 = value(c, spot + 2 * hs, strike, expiry, rate, div, vol, dv, dt, da);
    return new double[] {(-3 * p + 4 * up - up2) / (2 * hs), (p - 2 * up + up2) / (hs * hs)};
  }

  /** Returns vega at the given inputs (central with step {@code hv}; requires {@code vol > hv}). */
  private double vegaAt(
      boolean c,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double vol,
      double hv,
      boolean dv,
      double[] dt,
      double[] da) {
    if (vol > hv) {
      return (value(c, spot, strike, expiry, rate, div, vol + hv, dv, dt, da)
              - value(c, spot, strike, expiry, rate, div, vol - hv, dv, dt, da))
          / (2 * hv);
    }
    double p = value(c, spot, strike, expiry, rate, div, vol, dv, dt, da);
    double vu = value(c, spot, strike, expiry, rate, div, vol + hv, dv, dt, da);
    double vu2 = value(c, spot, strike, expiry, rate, div, vol + 2 * hv, dv, dt, da);
    return (-3 * p + 4 * vu - vu2) / (2 * hv);
  }

  @Override
  public ImpliedVolResult impliedVolatility(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price) {
    return impliedVolatility(type, spot, strike, expiry, rate, div, price, NONE, NONE);
  }

  /** Returns the implied volatility with discrete cash dividends (see the class notes). */
  public ImpliedVolResult impliedVolatility(
      OptionType type,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price,
      double[] dividendTimes,
      double[] dividendAmounts) {
    Checks.notNull(type, "type");
    byte code = RowChecks.validate(BatchModel.BLACK_SCHOLES, spot, strike, expiry, rate, div, 0);
    if (code != PricingStatus.OK.code()) {
      return ImpliedVolResult.failed(PricingStatus.of(code));
    }
    if (!(price >= 0 && price < Double.POSITIVE_INFINITY)) {
      return ImpliedVolResult.failed(PricingStatus.INVALID_PRICE);
    }
    boolean dv;
    try {
      dv = hasDividends(expiry, dividendTimes, dividendAmounts);
    } catch (IllegalArgumentException e) {
      return ImpliedVolResult.failed(PricingStatus.INVALID_DIVIDEND_YIELD);
    }
    if (expiry == 0) {
      return ImpliedVolResult.failed(PricingStatus.EXPIRED);
    }
    boolean c = type.isCall();
    double[] dt = dividendTimes;
    double[] da = dividendAmounts;
    double intrinsic = Math.max(c ? spot - strike : strike - spot, 0);
    // An American call is worth at most max(S, S e^{-qT}) (the stock, or the stock at expiry when
    // q < 0); a put at most max(K, K e^{-rT}).
    double upper =
        c
            ? Math.max(spot, spot * Math.exp(-div * expiry))
            : Math.max(strike, strike * Math.exp(-rate * expiry));
    double scale = Math.max(price, Math.max(intrinsic, Double.MIN_NORMAL));
    double tol = 64 * Math.ulp(scale);
    if (price < intrinsic - tol) {
      return ImpliedVolResult.failed(PricingStatus.BELOW_INTRINSIC);
    }
    if (price >= upper) {
      return ImpliedVolResult.failed(PricingStatus.ABOVE_UPPER_BOUND);
    }
    double lowValue = value(c, spot, strike, expiry, rate, div, 0, dv, dt, da);
    if (price < lowValue - tol) {
      return ImpliedVolResult.failed(PricingStatus.BELOW_INTRINSIC);
    }
    if (price <= lowValue + tol) {
      return ImpliedVolResult.failed(PricingStatus.NO_TIME_VALUE);
    }
    // Initial guess: the European implied volatility of the price (an upper estimate for puts).
    double guess = 0.3;
    ImpliedVolResult eu = ImpliedVolatility.blackScholes(c, spot, strike, expiry, rate, div, price);
    if (eu.isOk() && eu.volatility() > 1e-4 && eu.volatility() < MAX_VOL) {
      guess = eu.volatility();
    }
    double lo = 0;
    double flo = lowValue - price;
    double hi = Double.NaN;
    double fhi = Double.NaN;
    int evaluations = 0;
    double x0 = guess;
    double f0 = value(c, spot, strike, expiry, rate, div, x0, dv, dt, da) - price;
    evaluations++;
    double fTol = 1e-12 * price;
    if (Math.abs(f0) <= fTol) {
      return ImpliedVolResult.ok(x0, evaluations);
    }
    if (f0 > 0) {
      hi = x0;
      fhi = f0;
    } else {
      lo = x0;
      flo = f0;
    }
    // Second point: de-Americanize the price with the early exercise premium at x0, which varies
    // slowly with the volatility, and take the European implied volatility of the rest.
    double x1 = Double.NaN;
    if (!dv) {
      double premium =
          f0 + price - BlackScholesFormulas.price(c, spot, strike, expiry, rate, div, x0);
      ImpliedVolResult eu1 =
          ImpliedVolatility.blackScholes(c, spot, strike, expiry, rate, div, price - premium);
      if (eu1.isOk() && eu1.volatility() > 0 && eu1.volatility() < MAX_VOL) {
        x1 = eu1.volatility();
      }
    }
    if (!(x1 > lo && x1 != x0) || (!Double.isNaN(hi) && !(x1 < hi))) {
      x1 = f0 > 0 ? x0 * 0.98 : x0 * 1.02;
    }
    double f1 = value(c, spot, strike, expiry, rate, div, x1, dv, dt, da) - price;
    evaluations++;
    if (f1 > 0) {
      if (Double.isNaN(hi) || x1 < hi) {
        hi = x1;
        fhi = f1;
      }
    } else if (f1 < 0) {
      if (x1 > lo) {
        lo = x1;
        flo = f1;
      }
    }
    if (Math.abs(f1) <= fTol) {
      return ImpliedVolResult.ok(x1, evaluations);
    }
    // Find an upper bracket when needed.
    while (Double.isNaN(hi)) {
      double x = Math.min(Math.max(2 * lo, 0.1), MAX_VOL);
      double f = value(c, spot, strike, expiry, rate, div, x, dv, dt, da) - price;
      evaluations++;
      if (Math.abs(f) <= fTol) {
        return ImpliedVolResult.ok(x, evaluations);
      } else if (f > 0) {
        hi = x;
        fhi = f;
      } else if (x >= MAX_VOL) {
        return ImpliedVolResult.failed(PricingStatus.ABOVE_UPPER_BOUND);
      } else {
        lo = x;
        flo = f;
      }
    }
    double[] work = dv ? null : new double[7];
    // The last step may be taken without its evaluation only for a smooth pricer.
    boolean smooth = !dv && !method.isTree();
    // The point before x0 (none yet): with three points the premium model is quadratic.
    double xm = Double.NaN;
    double fm = Double.NaN;
    for (int it = 0; it < 200; it++) {
      // Without cash dividends: the value is the European value plus an early exercise premium
      // that is nearly linear in the volatility; a secant on the premium alone, with the European
      // part solved exactly, is far more accurate than a secant on the whole value (whose
      // curvature is the European volga). Otherwise, or when that step fails: the secant through
      // the last two points. Bisection when it leaves the bracket (and every 16th step, which
      // bounds the work when the iteration crawls).
      double x =
          dv
              ? Double.NaN
              : premiumSecant(
                  c, spot, strike, expiry, rate, div, price, xm, fm, x0, f0, x1, f1, work);
      boolean quadratic = x > lo && x < hi && !Double.isNaN(xm) && it % 16 != 15;
      if (!(x > lo && x < hi) && !dv && !Double.isNaN(xm)) {
        x =
            premiumSecant(
                c, spot, strike, expiry, rate, div, price, Double.NaN, 0, x0, f0, x1, f1, work);
      }
      if (!(x > lo && x < hi)) {
        x = x1 - f1 * (x1 - x0) / (f1 - f0);
      }
      boolean secant = x > lo && x < hi && it % 16 != 15;
      if (!secant) {
        x = 0.5 * (lo + hi);
      }
      if (smooth && quadratic && Math.abs(work[6] * (x - x0) * (x - x1)) <= SKIP_FRACTION * fTol) {
        // The quadratic premium model's step from three points in the asymptotic range: its error
        // is of the order of the cubic term, far below the linear model's correction (the
        // quadratic term at x), which is itself within a small fraction of the tolerance.
        return ImpliedVolResult.ok(x, evaluations);
      }
      double f = value(c, spot, strike, expiry, rate, div, x, dv, dt, da) - price;
      evaluations++;
      if (Math.abs(f) <= fTol || (secant && Math.abs(x - x1) <= 1e-12 * x)) {
        // The residual is at the price tolerance, or the secant step is at the resolution of the
        // price function (its rounding noise, about 1e-15 of the strike, can exceed fTol).
        return ImpliedVolResult.ok(x, evaluations);
      }
      if (f > 0) {
        hi = x;
        fhi = f;
      } else {
        lo = x;
        flo = f;
      }
      if (hi - lo <= 1e-14 * hi) {
        return ImpliedVolResult.ok(0.5 * (lo + hi), evaluations);
      }
      xm = x0;
      fm = f0;
      x0 = x1;
      f0 = f1;
      x1 = x;
      f1 = f;
    }
    if (fhi - flo <= 4 * fTol) {
      return ImpliedVolResult.ok(0.5 * (lo + hi), evaluations);
    }
    return ImpliedVolResult.failed(PricingStatus.NOT_CONVERGED);
  }

  /**
   * Returns the root of {@code BS(x) + p(x) = price}, where {@code p} is the early exercise premium
   * {@code value - BS} interpolated through the points {@code (x0, f0)}, {@code (x1, f1)} and, when
   * {@code xm} is not NaN, {@code (xm, fm)} ({@code f} = American value - price; linear through two
   * points, quadratic through three), by Newton's method on the European part (analytic vega); NaN
   * when it does not converge. The quadratic term matters where the premium is strongly convex in
   * the volatility (deep in the money, low volatility: the value leaves the exercise value
   * steeply), where the linear model crawls from one side.
   */
  private static double premiumSecant(
      boolean c,
      double spot,
      double strike,
      double expiry,
      double rate,
      double div,
      double price,
      double xm,
      double fm,
      double x0,
      double f0,
      double x1,
      double f1,
      double[] work) {
    double p0 = f0 + price - BlackScholesKernel.fastPrice(c, spot, strike, expiry, rate, div, x0);
    double p1 = f1 + price - BlackScholesKernel.fastPrice(c, spot, strike, expiry, rate, div, x1);
    double slope = (p1 - p0) / (x1 - x0);
    double curve = 0;
    if (!Double.isNaN(xm) && xm != x0 && xm != x1) {
      double pm = fm + price - BlackScholesKernel.fastPrice(c, spot, strike, expiry, rate, div, xm);
      curve = (slope - (p0 - pm) / (x0 - xm)) / (x1 - xm);
      if (!Double.isFinite(curve)) {
        curve = 0;
        work[6] = Double.NaN;
      } else {
        work[6] = curve;
      }
    } else {
      work[6] = Double.NaN;
    }
    double x = x1;
    for (int i = 0; i < 12; i++) {
      BlackScholesKernel.fastFirstOrder(c, spot, strike, expiry, rate, div, x, work, 0);
      // p(x) = p1 + slope (x - x1) + curve (x - x1)(x - x0) (Newton's divided differences).
      double g = work[0] + p1 + (slope + curve * (x - x0)) * (x - x1) - price;
      double gp = work[3] + slope + curve * ((x - x0) + (x - x1));
      if (!(gp > 0)) {
        return Double.NaN;
      }
      double dx = g / gp;
      x -= dx;
      if (!(x > 0)) {
        return Double.NaN;
      }
      if (Math.abs(dx) <= 1e-15 * x) {
        return x;
      }
    }
    return Double.NaN;
  }

  private static void check(double s, double k, double t, double r, double q, double vol) {
    byte code = RowChecks.validate(BatchModel.BLACK_SCHOLES, s, k, t, r, q, vol);
    RowChecks.throwIfInvalid(BatchModel.BLACK_SCHOLES, code, s, k, t, r, q, vol);
  }

  private static boolean hasDividends(double expiry, double[] times, double[] amounts) {
    if (times.length == 0 && amounts.length == 0) {
      return false;
    }
    return BinomialTree.presentValueOfDividends(expiry, 0, times, amounts) > 0;
  }

  private double value(
      boolean c,
      double s,
      double k,
      double t,
      double r,
      double q,
      double vol,
      boolean hasDividends,
      double[] times,
      double[] amounts) {
    if (hasDividends) {
      TreeType tt = method == AmericanMethod.BINOMIAL_CRR ? TreeType.CRR : TreeType.LEISEN_REIMER;
      return BinomialTree.price(c, s, k, t, r, q, vol, treeSteps, tt, times, amounts);
    }
    switch (method) {
      case BARONE_ADESI_WHALEY:
        return BaroneAdesiWhaley.price(c, s, k, t, r, q, vol);
      case BJERKSUND_STENSLAND:
        return BjerksundStensland.price(c, s, k, t, r, q, vol);
      case BINOMIAL_CRR:
        return BinomialTree.price(c, s, k, t, r, q, vol, treeSteps, TreeType.CRR);
      case BINOMIAL_LEISEN_REIMER:
        return BinomialTree.price(c, s, k, t, r, q, vol, treeSteps, TreeType.LEISEN_REIMER);
      case ALO:
      default:
        return AndersenLakeOffengelter.price(c, s, k, t, r, q, vol, scheme);
    }
  }
}
