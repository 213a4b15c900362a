package io.github.bsoptions.pricing.testkit;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.backend.ScalarPricingBackend;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.Black76Formulas;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.spi.BackendCapability;
import io.github.bsoptions.pricing.spi.PricingBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@link PricingBackend} against the scalar reference backend: the conformance suite every
 * backend must pass.
 *
 * <p>For every model the backend declares among {@code BLACK_SCHOLES} and {@code BLACK_76}, and for
 * every operation it declares ({@code BATCH_PRICE}, {@code BATCH_GREEKS}, {@code BATCH_IV}), the
 * check runs the backend and the reference on the same batches: the edge rows alone, and {@link
 * OptionRows#mixed mixed} batches of several sizes (odd sizes that leave SIMD tails, and one above
 * {@link ScalarPricingBackend#PARALLEL_THRESHOLD} that takes the parallel path). Statuses must be
 * identical row by row; outputs of OK rows must agree within the {@link Tolerances}; outputs of
 * other rows must be NaN. It also checks the SPI contract: undeclared operations throw {@link
 * UnsupportedOperationException}, short output arrays throw {@link IllegalArgumentException}.
 *
 * <p>Usage from any test framework:
 *
 * <pre>{@code
 * BackendConformance.check(new MyBackend()).assertPassed();
 * }</pre>
 */
public final class BackendConformance {
  /** Batch sizes of the default check. */
  public static final int[] DEFAULT_SIZES = {1, 7, 67, 1_031, 40_003};

  /** Seed of the default check. */
  public static final long DEFAULT_SEED = 20_240_601L;

  private static final byte OK = PricingStatus.OK.code();
  private static final int MAX_MISMATCHES = 200;
  private static final BatchModel[] MODELS = {BatchModel.BLACK_SCHOLES, BatchModel.BLACK_76};

  private final PricingBackend backend;
  private final PricingBackend reference = new ScalarPricingBackend();
  private final Tolerances tol;
  private final List<Mismatch> mismatches = new ArrayList<>();
  private long rows;

  private BackendConformance(PricingBackend backend, Tolerances tol) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.tol = Objects.requireNonNull(tol, "tolerances");
  }

  /** Runs the default check ({@link Tolerances#DOUBLE}, default sizes and seed). */
  public static ConformanceReport check(PricingBackend backend) {
    return check(backend, Tolerances.DOUBLE, DEFAULT_SEED, DEFAULT_SIZES);
  }

  /**
   * Runs the check with the given tolerances, seed and batch sizes.
   *
   * @param backend the backend under test
   * @param tolerances accepted differences on OK rows
   * @param seed the seed of the random batches
   * @param sizes the sizes of the mixed batches (the edge-row batch always runs)
   */
  public static ConformanceReport check(
      PricingBackend backend, Tolerances tolerances, long seed, int... sizes) {
    BackendConformance c = new BackendConformance(backend, tolerances);
    c.contract();
    for (BatchModel model : MODELS) {
      if (!backend.capabilities().contains(PricingBackend.capabilityOf(model))) {
        continue;
      }
      c.compare(model, OptionRows.edges(), seed);
      for (int size : sizes) {
        c.compare(model, OptionRows.mixed(size, seed + size, 0.02), seed + 7 * size);
      }
    }
    return new ConformanceReport(backend.name(), c.rows, c.mismatches);
  }

  /**
   * Compares one batch for one model over every operation the backend declares, with the given
   * tolerances; for backend authors who want their own batches (e.g. GPU chunk boundaries).
   */
  public static ConformanceReport checkBatch(
      PricingBackend backend,
      Tolerances tolerances,
      BatchModel model,
      OptionBatch batch,
      long seed) {
    BackendConformance c = new BackendConformance(backend, tolerances);
    c.compare(model, batch, seed);
    return new ConformanceReport(backend.name(), c.rows, c.mismatches);
  }

  private void compare(BatchModel model, OptionBatch batch, long seed) {
    if (backend.supports(BackendCapability.BATCH_PRICE, model)) {
      comparePrice(model, batch);
    }
    if (backend.supports(BackendCapability.BATCH_GREEKS, model)) {
      compareGreeks(model, batch);
    }
    if (backend.supports(BackendCapability.BATCH_IV, model)) {
      compareIv(model, batch, seed);
    }
  }

  private void contract() {
    OptionBatch one = OptionRows.random(1, 1);
    if (!backend.supports(BackendCapability.BATCH_PRICE, BatchModel.BACHELIER)) {
      try {
        backend.price(BatchModel.BACHELIER, one, new double[1], new byte[1]);
        add(BatchModel.BACHELIER, "price", -1, "UnsupportedOperationException", 1, 0, "contract");
      } catch (UnsupportedOperationException expected) {
        // as documented
      } catch (RuntimeException e) {
        add(BatchModel.BACHELIER, "price", -1, e.getClass().getSimpleName(), 1, 0, "contract");
      }
    }
    if (backend.supports(BackendCapability.BATCH_PRICE, BatchModel.BLACK_SCHOLES)) {
      OptionBatch two = OptionRows.random(2, 2);
      try {
        backend.price(BatchModel.BLACK_SCHOLES, two, new double[1], new byte[2]);
        add(BatchModel.BLACK_SCHOLES, "price", -1, "IllegalArgumentException", 1, 0, "contract");
      } catch (IllegalArgumentException expected) {
        // as documented
      }
    }
  }

  private void comparePrice(BatchModel model, OptionBatch b) {
    int n = b.size();
    double[] e = new double[n];
    byte[] es = new byte[n];
    double[] a = new double[n];
    byte[] as = new byte[n];
    java.util.Arrays.fill(a, 12345.0);
    reference.price(model, b, e, es);
    backend.price(model, b, a, as);
    for (int i = 0; i < n; i++) {
      if (!statusMatches(model, "price", b, i, es[i], as[i])) {
        continue;
      }
      double notional = b.spot()[i] + b.strike()[i];
      value(
          model,
          "price",
          b,
          i,
          "price",
          e[i],
          a[i],
          es[i],
          tol.priceRelative(),
          tol.priceAbsolute() * notional);
    }
    rows += n;
  }

  private void compareGreeks(BatchModel model, OptionBatch b) {
    int n = b.size();
    GreeksBatch e = GreeksBatch.allocate(n);
    GreeksBatch a = GreeksBatch.allocate(n);
    java.util.Arrays.fill(a.delta(), 12345.0);
    reference.priceGreeks(model, b, e);
    backend.priceGreeks(model, b, a);
    double rel = tol.greeksRelative();
    double abs = tol.greeksAbsolute();
    for (int i = 0; i < n; i++) {
      byte es = e.statusCodes()[i];
      if (!statusMatches(model, "greeks", b, i, es, a.statusCodes()[i])) {
        continue;
      }
      double s = b.spot()[i];
      double notional = s + b.strike()[i];
      double t = b.expiry()[i];
      double vol = b.volatility()[i];
      double sqrtT = Math.sqrt(t);
      double v = vol * sqrtT;
      double gammaScale = v > 0 && s > 0 ? 1 / (s * v) : 0;
      double thetaScale =
          notional
              * (1
                  + Math.abs(b.rate()[i])
                  // Black-76 has no dividend column value (NaN): it does not enter theta.
                  + (model == BatchModel.BLACK_76 ? 0 : Math.abs(b.dividendYield()[i]))
                  + (sqrtT > 0 ? vol / sqrtT : 0));
      double pAbs = tol.priceAbsolute() * notional;
      value(
          model,
          "greeks",
          b,
          i,
          "price",
          e.price()[i],
          a.price()[i],
          es,
          tol.priceRelative(),
          pAbs);
      value(model, "greeks", b, i, "delta", e.delta()[i], a.delta()[i], es, rel, abs);
      value(model, "greeks", b, i, "gamma", e.gamma()[i], a.gamma()[i], es, rel, abs * gammaScale);
      value(
          model, "greeks", b, i, "vega", e.vega()[i], a.vega()[i], es, rel, abs * notional * sqrtT);
      value(model, "greeks", b, i, "theta", e.theta()[i], a.theta()[i], es, rel, abs * thetaScale);
      value(model, "greeks", b, i, "rho", e.rho()[i], a.rho()[i], es, rel, abs * notional * t);
    }
    rows += n;
  }

  private void compareIv(BatchModel model, OptionBatch b, long seed) {
    int n = b.size();
    double[] prices = OptionRows.ivPrices(reference, model, b, seed);
    OptionBatch noVol =
        OptionBatch.of(
            b.call(), b.spot(), b.strike(), b.expiry(), b.rate(), b.dividendYield(), null);
    double[] e = new double[n];
    byte[] es = new byte[n];
    double[] a = new double[n];
    byte[] as = new byte[n];
    reference.impliedVolatility(model, noVol, prices, e, es);
    backend.impliedVolatility(model, noVol, prices, a, as);
    for (int i = 0; i < n; i++) {
      if (!statusMatches(model, "iv", b, i, es[i], as[i])) {
        continue;
      }
      if (es[i] != OK) {
        if (!Double.isNaN(a[i])) {
          add(
              model,
              "iv",
              i,
              "volatility (NaN for a failed row)",
              Double.NaN,
              a[i],
              OptionRows.describe(b, i));
        }
        continue;
      }
      double notional = b.spot()[i] + b.strike()[i];
      double pa = Double.isFinite(a[i]) && a[i] >= 0 ? reprice(model, b, i, a[i]) : Double.NaN;
      // Independent of the reference: the volatility must reproduce the price it was solved from.
      if (!Tolerances.close(
          pa, prices[i], 4 * tol.priceRelative(), 4 * tol.priceAbsolute() * notional)) {
        add(
            model,
            "iv",
            i,
            "repriced volatility",
            prices[i],
            pa,
            OptionRows.describe(b, i) + " iv=" + a[i]);
        continue;
      }
      if (Tolerances.close(a[i], e[i], tol.ivRelative(), 0)) {
        continue;
      }
      // Badly conditioned rows (tiny vega): accept a volatility that reproduces the price.
      double pe = reprice(model, b, i, e[i]);
      if (!Tolerances.close(pa, pe, tol.priceRelative(), tol.priceAbsolute() * notional)) {
        add(
            model,
            "iv",
            i,
            "volatility",
            e[i],
            a[i],
            OptionRows.describe(b, i) + " price=" + prices[i]);
      }
    }
    rows += n;
  }

  private static double reprice(BatchModel model, OptionBatch b, int i, double vol) {
    return model == BatchModel.BLACK_76
        ? Black76Formulas.price(
            b.call()[i], b.spot()[i], b.strike()[i], b.expiry()[i], b.rate()[i], vol)
        : BlackScholesFormulas.price(
            b.call()[i],
            b.spot()[i],
            b.strike()[i],
            b.expiry()[i],
            b.rate()[i],
            b.dividendYield()[i],
            vol);
  }

  private boolean statusMatches(
      BatchModel model, String op, OptionBatch b, int i, byte expected, byte actual) {
    if (expected == actual) {
      return true;
    }
    add(
        model,
        op,
        i,
        "status "
            + PricingStatus.of(expected).label()
            + " vs "
            + (actual >= 0 && actual < PricingStatus.values().length
                ? PricingStatus.of(actual).label()
                : "code " + actual),
        expected,
        actual,
        OptionRows.describe(b, i));
    return false;
  }

  private void value(
      BatchModel model,
      String op,
      OptionBatch b,
      int i,
      String column,
      double expected,
      double actual,
      byte status,
      double rel,
      double abs) {
    boolean ok;
    if (status != OK) {
      ok = Double.isNaN(actual);
    } else {
      ok = Double.isFinite(actual) && Tolerances.close(actual, expected, rel, abs);
    }
    if (!ok) {
      add(model, op, i, column, expected, actual, OptionRows.describe(b, i));
    }
  }

  private void add(
      BatchModel model,
      String op,
      int row,
      String column,
      double expected,
      double actual,
      String inputs) {
    if (mismatches.size() < MAX_MISMATCHES) {
      mismatches.add(new Mismatch(model, op, row, column, expected, actual, inputs));
    }
  }
}
