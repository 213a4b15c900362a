package io.github.bsoptions.signals.ntm;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.data.model.GreeksSource;
import io.github.bsoptions.data.model.OptionChain;
import io.github.bsoptions.data.model.OptionContract;
import io.github.bsoptions.data.model.OptionSnapshot;
import io.github.bsoptions.data.model.Quote;
import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.backend.PricingBackends;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.GreeksBatch;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.formula.Black76Formulas;
import io.github.bsoptions.pricing.formula.BlackScholesFormulas;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.signals.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a raw {@link OptionChain} into {@link EnrichedOption}s: mid, spread, time to expiry,
 * forward implied from put-call parity, implied volatility (Black-76 on that forward, from the mid)
 * and spot greeks.
 *
 * <p>Expiry is 16:00 New York time on the expiration date; years are ACT/365. The forward of each
 * expiry comes from the strike whose call and put mids are closest, {@code F = K + e^{rT} (C - P)}
 * (the first such strike in chain order on a tie); without such a pair it is {@code S e^{(r - q)
 * T}}. Provider greeks are not used: every row is computed here ({@link GreeksSource} is {@code
 * COMPUTED}) so all rows share one convention.
 *
 * <p>How it is computed (the hot path of the trading loop): one pass over the chain groups the rows
 * by expiry (time to expiry and forward once per expiry) and pairs calls with puts in a primitive
 * open-addressing table; the implied volatilities of the whole chain are then solved in one call of
 * a batch {@link PricingBackend} (Black-76 rows in struct-of-arrays columns; {@link
 * #defaultBackend()} unless one is given), and the greeks of the solved rows in a second batch call
 * (Black-Scholes-Merton on spot with the dividend yield implied by the forward). Every volatility
 * is checked to reprice its mid to 1e-10 relative (the batch price of the greeks call is that
 * check); a row that fails is solved again by a safeguarded Newton iteration. The columns live in a
 * per-thread workspace reused from call to call, so the only allocations per call are the result
 * rows. The batch solver has no starting-point argument, so the previous tick's volatility of a
 * contract is not used as a warm start.
 */
public final class ChainEnricher {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final double YEAR_SECONDS = 365.0 * 86_400;
  private static final byte OK = PricingStatus.OK.code();
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private ChainEnricher() {}

  /** The backend used when none is given, chosen once (see {@link #defaultBackend()}). */
  private static final class DefaultBackend {
    static final PricingBackend BACKEND = choose();

    private static PricingBackend choose() {
      String name = System.getProperty(PricingBackends.PROPERTY);
      if (name == null || name.isBlank()) {
        name = System.getenv(PricingBackends.ENVIRONMENT);
      }
      return name == null || name.isBlank()
          ? PricingBackends.scalar()
          : PricingBackends.named(name);
    }
  }

  /**
   * Returns the backend {@link #enrich(OptionChain, double, double, Instant)} uses: the one named
   * by the system property {@value PricingBackends#PROPERTY} or the environment variable {@value
   * PricingBackends#ENVIRONMENT} ({@code scalar}, {@code simd}, {@code auto}, ...), else the scalar
   * backend. Scalar by default because a chain is a small batch (hundreds to a few thousand rows)
   * and the trading loop runs for minutes: the vector kernels need seconds of JIT warm-up (measured
   * at 10-70 us per option in their first seconds, against under 1 us for the scalar path) before
   * they pay off, so {@code simd} suits long-running processes only.
   *
   * @return the default backend
   * @throws IllegalArgumentException if the named backend is unknown
   * @throws IllegalStateException if the named backend is unavailable here
   */
  public static PricingBackend defaultBackend() {
    return DefaultBackend.BACKEND;
  }

  /**
   * Enriches every contract of the chain that has not expired at {@code asOf}, on the {@link
   * #defaultBackend()}.
   *
   * @param chain the chain, with an underlying price
   * @param rate continuously compounded risk-free rate
   * @param dividendYield continuous dividend yield (used only when parity gives no forward)
   * @param asOf valuation time
   * @return one row per live contract, in chain order
   */
  public static List<EnrichedOption> enrich(
      OptionChain chain, double rate, double dividendYield, Instant asOf) {
    return enrich(chain, rate, dividendYield, asOf, DefaultBackend.BACKEND);
  }

  /**
   * Enriches every contract of the chain that has not expired at {@code asOf}, solving implied
   * volatilities and greeks on {@code backend}.
   *
   * @param chain the chain, with an underlying price
   * @param rate continuously compounded risk-free rate
   * @param dividendYield continuous dividend yield (used only when parity gives no forward)
   * @param asOf valuation time
   * @param backend the batch backend (must support Black-76 IV and Black-Scholes greeks)
   * @return one row per live contract, in chain order
   */
  public static List<EnrichedOption> enrich(
      OptionChain chain, double rate, double dividendYield, Instant asOf, PricingBackend backend) {
    if (chain.underlyingPrice().isEmpty()) {
      throw new IllegalArgumentException("chain.underlyingPrice must be present");
    }
    double spot = Checks.positive(chain.underlyingPrice().getAsDouble(), "underlyingPrice");
    Checks.finite(rate, "rate");
    Checks.finite(dividendYield, "dividendYield");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(backend, "backend");
    return WORKSPACE.get().enrich(chain, spot, rate, dividendYield, asOf, backend);
  }

  /**
   * Returns {@code iv} if it reprices {@code price} to 1e-10 relative; otherwise solves again by
   * safeguarded Newton on the Black-76 price (guards a near-the-money inaccuracy seen in the
   * solver, where |ln F/K| is below about 0.005).
   */
  static double verified(
      boolean call, double f, double k, double t, double rate, double price, double iv) {
    double tol = 1e-10 * Math.max(price, 1e-8);
    if (Math.abs(Black76Formulas.price(call, f, k, t, rate, iv) - price) <= tol) {
      return iv;
    }
    double lo = 1e-6;
    double hi = 10;
    if (Black76Formulas.price(call, f, k, t, rate, hi) < price
        || Black76Formulas.price(call, f, k, t, rate, lo) > price) {
      return Double.NaN;
    }
    double x = iv > lo && iv < hi ? iv : 0.3;
    for (int i = 0; i < 100; i++) {
      double v = Black76Formulas.price(call, f, k, t, rate, x) - price;
      if (Math.abs(v) <= tol) {
        return x;
      }
      if (v > 0) {
        hi = x;
      } else {
        lo = x;
      }
      double vega = Black76Formulas.greeks(call, f, k, t, rate, x).vega();
      double next = vega > 0 ? x - v / vega : Double.NaN;
      x = next > lo && next < hi ? next : 0.5 * (lo + hi);
    }
    return x;
  }

  /** Returns the time in years from {@code asOf} to 16:00 New York on {@code expiration}. */
  public static double years(LocalDate expiration, Instant asOf) {
    Instant close = expiration.atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toInstant();
    return Duration.between(asOf, close).getSeconds() / YEAR_SECONDS;
  }

  /** Per-thread columns and tables, reused from call to call (grown, never shrunk). */
  private static final class Workspace {
    // per expiry
    private final Map<LocalDate, Integer> expiryIndex = new HashMap<>();
    private double[] expiryYears = new double[16];
    private double[] expiryForward = new double[16];
    private double[] expiryBest = new double[16];
    private double[] expiryGrowth = new double[16];
    private double[] expiryCarry = new double[16];
    private int expiries;

    // per live row, in chain order
    private int[] rowIndex = new int[0];
    private int[] rowExpiry = new int[0];
    private boolean[] rowCall = new boolean[0];
    private double[] rowStrike = new double[0];
    private double[] rowMid = new double[0];

    // call/put pairs by (expiry, strike): open addressing, emptiness by generation stamp
    private int[] slotStamp = new int[0];
    private int[] slotExpiry = new int[0];
    private double[] slotStrike = new double[0];
    private double[] slotCall = new double[0];
    private double[] slotPut = new double[0];
    private int[] slotOrder = new int[0];
    private int slotsUsed;
    private int stamp;

    // batch columns, exactly as long as the live rows (OptionBatch takes its size from them)
    private int size = -1;
    private boolean[] call;
    private double[] forward;
    private double[] strike;
    private double[] years;
    private double[] rates;
    private double[] zero;
    private double[] spots;
    private double[] carry;
    private double[] mids;
    private double[] vols;
    private byte[] ivStatus;
    private OptionBatch ivBatch;
    private OptionBatch greeksBatch;
    private GreeksBatch greeks;

    List<EnrichedOption> enrich(
        OptionChain chain,
        double spot,
        double rate,
        double dividendYield,
        Instant asOf,
        PricingBackend backend) {
      List<OptionSnapshot> options = chain.options();
      int n = options.size();
      prepareRows(n);
      int live = group(options, asOf);
      forwards(spot, rate, dividendYield);
      prepareBatch(live);
      for (int j = 0; j < live; j++) {
        int e = rowExpiry[j];
        forward[j] = expiryForward[e];
        years[j] = expiryYears[e];
        carry[j] = expiryCarry[e];
        call[j] = rowCall[j];
        strike[j] = rowStrike[j];
        mids[j] = rowMid[j];
        rates[j] = rate;
        spots[j] = spot;
      }
      if (live > 0) {
        backend.impliedVolatility(BatchModel.BLACK_76, ivBatch, mids, vols, ivStatus);
        for (int j = 0; j < live; j++) {
          if (ivStatus[j] != OK || !(vols[j] > 0)) {
            vols[j] = Double.NaN; // no greeks for this row (invalid volatility status)
          }
        }
        backend.priceGreeks(BatchModel.BLACK_SCHOLES, greeksBatch, greeks);
      }
      return build(chain, options, spot, rate, live);
    }

    /** Fills the per-expiry tables and the live rows; returns the number of live rows. */
    private int group(List<OptionSnapshot> options, Instant asOf) {
      expiryIndex.clear();
      expiries = 0;
      if (++stamp == 0) {
        Arrays.fill(slotStamp, 0);
        stamp = 1;
      }
      slotsUsed = 0;
      LocalDate last = null;
      int lastIndex = -1;
      int live = 0;
      int n = options.size();
      for (int i = 0; i < n; i++) {
        OptionSnapshot s = options.get(i);
        OptionContract c = s.contract();
        LocalDate exp = c.expiration();
        if (exp != last && !exp.equals(last)) {
          Integer known = expiryIndex.get(exp);
          lastIndex = known != null ? known : addExpiry(exp, asOf);
          last = exp;
        }
        Optional<Quote> q = s.quote();
        double mid = q.isPresent() ? q.get().mid() : Double.NaN;
        boolean isCall = c.type() == OptionType.CALL;
        double k = c.strike();
        pair(lastIndex, k, isCall, mid);
        if (!(expiryYears[lastIndex] > 0)) {
          continue;
        }
        rowIndex[live] = i;
        rowExpiry[live] = lastIndex;
        rowCall[live] = isCall;
        rowStrike[live] = k;
        rowMid[live] = mid;
        live++;
      }
      return live;
    }

    private int addExpiry(LocalDate exp, Instant asOf) {
      int e = expiries++;
      if (e == expiryYears.length) {
        int m = 2 * e;
        expiryYears = Arrays.copyOf(expiryYears, m);
        expiryForward = Arrays.copyOf(expiryForward, m);
        expiryBest = Arrays.copyOf(expiryBest, m);
        expiryGrowth = Arrays.copyOf(expiryGrowth, m);
        expiryCarry = Arrays.copyOf(expiryCarry, m);
      }
      expiryYears[e] = years(exp, asOf);
      expiryIndex.put(exp, e);
      return e;
    }

    /** Records the mid of one side of the (expiry, strike) pair; a later row overwrites. */
    private void pair(int e, double k, boolean isCall, double mid) {
      int mask = slotStamp.length - 1;
      // MurmurHash3's 64-bit finaliser: strikes' low mantissa bits are mostly zero
      long bits = Double.doubleToLongBits(k) + e * 0x9E3779B97F4A7C15L;
      bits = (bits ^ (bits >>> 33)) * 0xFF51AFD7ED558CCDL;
      bits = (bits ^ (bits >>> 33)) * 0xC4CEB9FE1A85EC53L;
      int h = (int) (bits ^ (bits >>> 33)) & mask;
      while (true) {
        if (slotStamp[h] != stamp) {
          slotStamp[h] = stamp;
          slotExpiry[h] = e;
          slotStrike[h] = k;
          slotCall[h] = Double.NaN;
          slotPut[h] = Double.NaN;
          slotOrder[slotsUsed++] = h;
          break;
        }
        if (slotExpiry[h] == e && slotStrike[h] == k) {
          break;
        }
        h = (h + 1) & mask;
      }
      if (isCall) {
        slotCall[h] = mid;
      } else {
        slotPut[h] = mid;
      }
    }

    /** Forward per expiry from the tightest call-put pair, else the carry forward. */
    private void forwards(double spot, double rate, double q) {
      for (int e = 0; e < expiries; e++) {
        double t = Math.max(expiryYears[e], 0);
        expiryBest[e] = Double.POSITIVE_INFINITY;
        expiryGrowth[e] = Math.exp(rate * t);
        expiryForward[e] = Double.NaN;
      }
      for (int u = 0; u < slotsUsed; u++) {
        int h = slotOrder[u];
        double c = slotCall[h];
        double p = slotPut[h];
        if (c > 0 && p > 0) {
          int e = slotExpiry[h];
          double d = Math.abs(c - p);
          if (d < expiryBest[e]) {
            expiryBest[e] = d;
            expiryForward[e] = slotStrike[h] + expiryGrowth[e] * (c - p);
          }
        }
      }
      for (int e = 0; e < expiries; e++) {
        double t = expiryYears[e];
        double fallback = spot * Math.exp((rate - q) * Math.max(t, 0));
        double f = expiryForward[e];
        f = f > 0 ? f : fallback;
        expiryForward[e] = f;
        // the dividend yield that makes the spot model's forward equal f (spot greeks)
        expiryCarry[e] = t > 0 ? rate - Math.log(f / spot) / t : Double.NaN;
      }
    }

    private void prepareRows(int n) {
      if (rowIndex.length < n) {
        rowIndex = new int[n];
        rowExpiry = new int[n];
        rowCall = new boolean[n];
        rowStrike = new double[n];
        rowMid = new double[n];
      }
      int slots = Integer.highestOneBit(Math.max(16, 2 * n - 1)) << 1;
      if (slotStamp.length < slots) {
        slotStamp = new int[slots];
        slotExpiry = new int[slots];
        slotStrike = new double[slots];
        slotCall = new double[slots];
        slotPut = new double[slots];
        slotOrder = new int[slots];
        stamp = 0;
      }
    }

    private void prepareBatch(int live) {
      if (live == size) {
        return;
      }
      size = live;
      call = new boolean[live];
      forward = new double[live];
      strike = new double[live];
      years = new double[live];
      rates = new double[live];
      zero = new double[live];
      spots = new double[live];
      carry = new double[live];
      mids = new double[live];
      vols = new double[live];
      ivStatus = new byte[live];
      ivBatch = OptionBatch.of(call, forward, strike, years, rates, zero, null);
      greeksBatch = OptionBatch.of(call, spots, strike, years, rates, carry, vols);
      greeks = GreeksBatch.allocate(live);
    }

    private List<EnrichedOption> build(
        OptionChain chain, List<OptionSnapshot> options, double spot, double rate, int live) {
      List<EnrichedOption> out = new ArrayList<>(live);
      double[] price = greeks.price();
      double[] delta = greeks.delta();
      double[] gamma = greeks.gamma();
      double[] vega = greeks.vega();
      double[] theta = greeks.theta();
      double[] g = null;
      for (int j = 0; j < live; j++) {
        OptionSnapshot s = options.get(rowIndex[j]);
        double bid = Double.NaN;
        double ask = Double.NaN;
        double mid = Double.NaN;
        double spread = Double.NaN;
        Instant qt = chain.asOf();
        Optional<Quote> oq = s.quote();
        if (oq.isPresent()) {
          Quote q = oq.get();
          bid = q.hasBid() ? q.bid() : Double.NaN;
          ask = q.hasAsk() ? q.ask() : Double.NaN;
          mid = q.mid();
          spread = q.spreadFraction();
          qt = q.timestamp();
        }
        double iv = vols[j];
        double d = Double.NaN;
        double gm = Double.NaN;
        double th = Double.NaN;
        double vg = Double.NaN;
        if (iv > 0) {
          double tol = 1e-10 * Math.max(mid, 1e-8);
          if (greeks.statusCodes()[j] == OK && Math.abs(price[j] - mid) <= tol) {
            d = delta[j];
            gm = gamma[j];
            vg = vega[j];
            th = theta[j];
          } else {
            // the batch volatility does not reprice the mid: check and re-solve on the scalar path
            iv = verified(call[j], forward[j], strike[j], years[j], rate, mid, iv);
            if (iv > 0) {
              if (g == null) {
                g = new double[6];
              }
              BlackScholesFormulas.priceAndFirstOrderGreeks(
                  call[j], spot, strike[j], years[j], rate, carry[j], iv, g, 0);
              d = g[1];
              gm = g[2];
              vg = g[3];
              th = g[4];
            }
          }
        }
        out.add(
            new EnrichedOption(
                s.contract(),
                spot,
                forward[j],
                years[j],
                bid,
                ask,
                mid,
                spread,
                s.volume(),
                s.openInterest().orElse(-1),
                iv > 0 ? iv : Double.NaN,
                d,
                gm,
                th,
                vg,
                GreeksSource.COMPUTED,
                qt));
      }
      return out;
    }
  }
}
