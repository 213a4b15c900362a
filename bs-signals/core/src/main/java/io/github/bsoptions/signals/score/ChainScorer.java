package io.github.bsoptions.signals.score;

import io.github.bsoptions.data.model.EnrichedOption;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.signals.vol.VolForecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Multi-factor scoring of an enriched chain with per-factor explanations.
 *
 * <p>Each factor's raw value (see {@link Factor}) is normalized robustly within the chain to its
 * average rank scaled to [0, 1] (ties share their mean rank), except {@link Factor#IV_RANK} which
 * is already an absolute percentile. A missing raw value (NaN) normalizes to 0, the worst. Scores
 * are therefore invariant to row order and weakly increase with each factor's raw value when its
 * weight is positive.
 */
public final class ChainScorer {
  /** Score descending, then expiry, type, strike and root: a total order independent of input. */
  private static final Comparator<ContractScore> RANKING =
      Comparator.comparingDouble(ContractScore::score)
          .reversed()
          .thenComparing(c -> c.option().contract().expiration())
          .thenComparing(c -> c.option().contract().type())
          .thenComparingDouble(c -> c.option().contract().strike())
          .thenComparing(c -> c.option().contract().root());

  private final ScoreWeights weights;

  /** Creates a scorer with the given weights. */
  public ChainScorer(ScoreWeights weights) {
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /** Returns a scorer with {@link ScoreWeights#DEFAULT}. */
  public static ChainScorer withDefaults() {
    return new ChainScorer(ScoreWeights.DEFAULT);
  }

  /** Returns the weights. */
  public ScoreWeights weights() {
    return weights;
  }

  /**
   * Scores every contract.
   *
   * @param options the contracts (usually the near-the-money selection)
   * @param context IV history, forecast and target delta
   * @return contracts best first plus chain metrics
   */
  public ScoredChain score(List<EnrichedOption> options, ScoringContext context) {
    int n = options.size();
    int nf = Factor.values().length;
    double[][] raw = new double[nf][n];
    Map<LocalDate, double[]> atm = atmByExpiry(options);
    double[] hist = context.history();
    double[] sortedHist = hist.clone();
    Arrays.sort(sortedHist);
    VolForecast fc = context.forecast().orElse(null);
    double[] term = fc != null ? fc.annualizedTerm() : new double[0];
    for (int i = 0; i < n; i++) {
      EnrichedOption o = options.get(i);
      raw[Factor.VOLUME.ordinal()][i] = o.volume();
      raw[Factor.OPEN_INTEREST.ordinal()][i] =
          o.openInterest() >= 0 ? o.openInterest() : Double.NaN;
      raw[Factor.SPREAD.ordinal()][i] = -o.spreadFraction();
      raw[Factor.DELTA.ordinal()][i] = -Math.abs(Math.abs(o.delta()) - context.targetAbsDelta());
      double iv = o.impliedVolatility();
      raw[Factor.IV_RANK.ordinal()][i] =
          sortedHist.length > 0 && iv > 0 ? percentile(sortedHist, iv) : Double.NaN;
      double f = forecastVol(fc, term, o.expiryYears());
      raw[Factor.IV_EDGE.ordinal()][i] = (iv - f) / f;
      double[] a = atm.get(o.contract().expiration());
      raw[Factor.SMILE.ordinal()][i] = iv - a[0];
      raw[Factor.THETA_YIELD.ordinal()][i] =
          o.mid() > 0 ? Math.abs(o.theta()) / o.mid() : Double.NaN;
    }
    double[][] norm = new double[nf][];
    for (Factor fct : Factor.values()) {
      double[] r = raw[fct.ordinal()];
      norm[fct.ordinal()] = fct == Factor.IV_RANK ? clean(r) : ranks(r);
    }
    double wn = weights.norm();
    Factor[] factors = Factor.values();
    ContractScore[] all = new ContractScore[n];
    double[] negScore = new double[n];
    double[] contrib = new double[nf];
    double[] rawRow = new double[nf];
    double[] w = new double[nf];
    for (int k = 0; k < nf; k++) {
      w[k] = weights.weight(factors[k]);
    }
    boolean nan = false;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < nf; k++) {
        contrib[k] = w[k] == 0 ? 0 : w[k] * norm[k][i] / wn;
        s += contrib[k];
        rawRow[k] = raw[k][i];
      }
      all[i] = new ContractScore(options.get(i), s, contrib, rawRow);
      negScore[i] = -s;
      nan |= Double.isNaN(s);
    }
    return new ScoredChain(rank(all, negScore, nan), metrics(options, atm, hist, sortedHist, fc));
  }

  private static double forecastVol(VolForecast fc, double[] term, double years) {
    if (fc == null || !(years > 0)) {
      return Double.NaN;
    }
    int days = Math.max(1, (int) Math.round(years * fc.periodsPerYear()));
    return days <= term.length ? term[days - 1] : fc.annualizedVolToExpiry(years);
  }

  /** Average ranks scaled to [0, 1]; NaN maps to 0; a single finite value maps to 1. */
  /**
   * Orders the scores by {@link #RANKING}: a radix sort on the score, the comparator only inside
   * runs of equal scores (or over everything when a score is NaN).
   */
  private static List<ContractScore> rank(ContractScore[] all, double[] negScore, boolean nan) {
    int n = all.length;
    List<ContractScore> out = new ArrayList<>(n);
    if (nan) {
      out.addAll(Arrays.asList(all));
      out.sort(RANKING);
      return out;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    sortByValue(order, n, negScore);
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && negScore[order[end]] == negScore[order[start]]) {
        end++;
      }
      int from = out.size();
      for (int j = start; j < end; j++) {
        out.add(all[order[j]]);
      }
      if (end - start > 1) {
        out.subList(from, out.size()).sort(RANKING);
      }
      start = end;
    }
    return out;
  }

  static double[] ranks(double[] x) {
    int n = x.length;
    int[] idx = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i])) {
        idx[m++] = i;
      }
    }
    double[] out = new double[n];
    if (m == 0) {
      return out;
    }
    if (m == 1) {
      out[idx[0]] = 1;
      return out;
    }
    sortByValue(idx, m, x);
    // Runs of equal values share their mean (0-based) position; -0.0 equals 0.0 as in the data.
    for (int start = 0; start < m; ) {
      int end = start + 1;
      double v = x[idx[start]];
      while (end < m && x[idx[end]] == v) {
        end++;
      }
      double r = 0.5 * (start + end - 1) / (m - 1);
      for (int j = start; j < end; j++) {
        out[idx[j]] = r;
      }
      start = end;
    }
    return out;
  }

  /**
   * Sorts the first {@code m} entries of {@code idx} by {@code x[idx]} ascending, stably: an LSD
   * radix sort on the order-preserving 64-bit image of each value (byte digits, passes whose digit
   * is the same for every value skipped), branch-free and allocation-light. {@code -0.0} sorts as
   * {@code 0.0}; no value may be NaN.
   */
  private static void sortByValue(int[] idx, int m, double[] x) {
    long[] ksrc = new long[m];
    long[] kdst = new long[m];
    int[] isrc = idx;
    int[] idst = new int[m];
    for (int j = 0; j < m; j++) {
      double v = x[idx[j]];
      long bits = Double.doubleToRawLongBits(v == 0 ? 0.0 : v);
      ksrc[j] = bits < 0 ? ~bits : bits | Long.MIN_VALUE;
    }
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int j = 0; j < m; j++) {
        count[(int) ((ksrc[j] >>> shift) & 0xFF) + 1]++;
      }
      if (count[(int) ((ksrc[0] >>> shift) & 0xFF) + 1] == m) {
        continue; // every value has this digit: the pass would not move anything
      }
      for (int d = 0; d < 256; d++) {
        count[d + 1] += count[d];
      }
      for (int j = 0; j < m; j++) {
        int p = count[(int) ((ksrc[j] >>> shift) & 0xFF)]++;
        kdst[p] = ksrc[j];
        idst[p] = isrc[j];
      }
      long[] kt = ksrc;
      ksrc = kdst;
      kdst = kt;
      int[] it = isrc;
      isrc = idst;
      idst = it;
    }
    if (isrc != idx) {
      System.arraycopy(isrc, 0, idx, 0, m);
    }
  }

  private static double[] clean(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Double.isNaN(x[i]) ? 0 : x[i];
    }
    return out;
  }

  static double percentile(double[] sorted, double v) {
    return (double) lowerBound(sorted, v) / sorted.length;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Per expiry: {atm IV, |ln K/F| of the ATM strike, years}; IV averaged over call and put. */
  private static Map<LocalDate, double[]> atmByExpiry(List<EnrichedOption> options) {
    Map<LocalDate, double[]> best = new HashMap<>();
    for (EnrichedOption o : options) {
      if (!(o.impliedVolatility() > 0)) {
        continue;
      }
      double dist = Math.abs(o.logMoneyness());
      double[] b =
          best.computeIfAbsent(
              o.contract().expiration(),
              e -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, o.expiryYears(), 0});
      if (dist < b[1] - 1e-12) {
        b[0] = o.impliedVolatility();
        b[1] = dist;
        b[3] = 1;
      } else if (Math.abs(dist - b[1]) <= 1e-12) {
        b[0] = (b[0] * b[3] + o.impliedVolatility()) / (b[3] + 1);
        b[3] += 1;
      }
    }
    for (EnrichedOption o : options) {
      best.computeIfAbsent(
          o.contract().expiration(),
          e -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, o.expiryYears(), 0});
    }
    return best;
  }

  private static ChainMetrics metrics(
      List<EnrichedOption> options,
      Map<LocalDate, double[]> atm,
      double[] hist,
      double[] sortedHist,
      VolForecast fc) {
    LocalDate front = null;
    LocalDate back = null;
    for (Map.Entry<LocalDate, double[]> e : atm.entrySet()) {
      if (Double.isNaN(e.getValue()[0])) {
        continue;
      }
      if (front == null || e.getKey().isBefore(front)) {
        front = e.getKey();
      }
      if (back == null || e.getKey().isAfter(back)) {
        back = e.getKey();
      }
    }
    if (front == null) {
      return new ChainMetrics(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] fa = atm.get(front);
    double atmIv = fa[0];
    double rank = Double.NaN;
    double pct = Double.NaN;
    if (hist.length > 0) {
      double lo = sortedHist[0];
      double hi = sortedHist[sortedHist.length - 1];
      rank = hi > lo ? Math.min(1, Math.max(0, (atmIv - lo) / (hi - lo))) : Double.NaN;
      pct = percentile(sortedHist, atmIv);
    }
    double slope = Double.NaN;
    if (!back.equals(front)) {
      double[] ba = atm.get(back);
      slope = (ba[0] - fa[0]) / (ba[2] - fa[2]);
    }
    double put25 = Double.NaN;
    double call25 = Double.NaN;
    double dp = Double.POSITIVE_INFINITY;
    double dc = Double.POSITIVE_INFINITY;
    for (EnrichedOption o : options) {
      if (!o.contract().expiration().equals(front) || !(o.impliedVolatility() > 0)) {
        continue;
      }
      double d = Math.abs(Math.abs(o.delta()) - 0.25);
      if (Double.isNaN(d)) {
        continue;
      }
      if (o.contract().type() == OptionType.PUT && d < dp) {
        dp = d;
        put25 = o.impliedVolatility();
      } else if (o.contract().type() == OptionType.CALL && d < dc) {
        dc = d;
        call25 = o.impliedVolatility();
      }
    }
    double fv = fc != null ? fc.annualizedVolToExpiry(Math.max(fa[2], 1.0 / 365)) : Double.NaN;
    return new ChainMetrics(atmIv, rank, pct, put25 - call25, slope, fv);
  }
}
