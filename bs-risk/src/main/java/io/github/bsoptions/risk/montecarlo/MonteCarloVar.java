package io.github.bsoptions.risk.montecarlo;

import io.github.bsoptions.risk.internal.Book;
import io.github.bsoptions.risk.internal.Checks;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Monte Carlo VaR and expected shortfall by full revaluation.
 *
 * <p>Each path draws correlated standard normals ({@code x = L z} with {@code L} the Cholesky
 * factor of the correlation matrix), moves every underlying over the horizon with the chosen {@link
 * ReturnModel}, ages every option by the horizon and reprices it with the models of {@link
 * RiskPricers} (Black-Scholes rows through the batch backend). Volatilities, rates and dividends
 * stay as marked.
 *
 * <p>Determinism and parallelism: the paths are split into {@link VarConfig#sections()} sections,
 * each with its own random stream derived from the seed; sections run on {@link
 * VarConfig#threads()} threads and are combined in section order, so a seed gives the same report
 * for any thread count.
 *
 * <p>Estimates: VaR at level {@code a} is the {@code ceil(n a)}-th smallest loss; ES the mean of
 * the {@code floor(n (1 - a))} largest. The 95% intervals come from sectioning (Asmussen and Glynn,
 * <i>Stochastic Simulation</i>, 2007, ch. III.5): the estimate from all paths plus or minus
 * Student's {@code t} quantile times the standard deviation of the section estimates over {@code
 * sqrt(sections)}. Antithetic pairs stay within a section, so the intervals remain valid.
 *
 * <p>A correlation matrix that is not positive definite (for example estimated from short
 * histories) is regularized as {@code (C + e I) / (1 + e)} with {@code e} from 1e-10 growing
 * tenfold up to 1e-2; the report states {@code e}. Beyond that the matrix is refused.
 */
public final class MonteCarloVar {
  private static final int CHUNK_ROWS = 8192;

  private final RiskPricers pricers;

  /** Returns an engine over {@code pricers}. */
  public MonteCarloVar(RiskPricers pricers) {
    this.pricers = Checks.notNull(pricers, "pricers");
  }

  /** Returns an engine over {@link RiskPricers#DEFAULT}. */
  public static MonteCarloVar withDefaults() {
    return new MonteCarloVar(RiskPricers.DEFAULT);
  }

  /**
   * Simulates {@code portfolio} and returns VaR and ES at each confidence level.
   *
   * @param portfolio the positions (not empty)
   * @param market spots now
   * @param models the dynamics of every underlying held (extra ones are ignored)
   * @param correlation correlation matrix in the order of {@code models} (symmetric, unit diagonal,
   *     entries in [-1, 1])
   * @param config simulation settings
   * @param confidences levels in (0.5, 1), e.g. 0.95 and 0.99
   */
  public VarReport run(
      Portfolio portfolio,
      MarketState market,
      List<UnderlyingModel> models,
      double[][] correlation,
      VarConfig config,
      double... confidences) {
    Checks.notNull(portfolio, "portfolio");
    Checks.notNull(market, "market");
    Checks.notNull(models, "models");
    Checks.notNull(config, "config");
    Checks.notNull(confidences, "confidences");
    if (portfolio.isEmpty()) {
      throw new IllegalArgumentException("portfolio is empty: no VaR to estimate");
    }
    if (confidences.length == 0) {
      throw new IllegalArgumentException("confidences must not be empty");
    }
    for (double c : confidences) {
      if (!(c > 0.5 && c < 1)) {
        throw new IllegalArgumentException("confidence must be in (0.5, 1), was " + c);
      }
    }
    if (config.returnModel() == ReturnModel.NORMAL) {
      for (Position p : portfolio.positions()) {
        if (p.instrument() instanceof OptionInstrument) {
          throw new IllegalArgumentException(
              "ReturnModel.NORMAL can make spots negative; position " + p.id() + " is an option");
        }
      }
    }
    Book book = new Book(portfolio, market, pricers);
    String[] unds = book.underlyings();
    int nu = unds.length;
    int[] modelIndex = new int[nu];
    for (int u = 0; u < nu; u++) {
      modelIndex[u] = -1;
      for (int k = 0; k < models.size(); k++) {
        if (models.get(k).symbol().equals(unds[u])) {
          modelIndex[u] = k;
        }
      }
      if (modelIndex[u] < 0) {
        throw new IllegalArgumentException("no UnderlyingModel for underlying " + unds[u]);
      }
    }
    Factor factor = cholesky(correlation, models.size());
    // Restrict the factor to the rows of held underlyings (still a valid factor for them).
    double[][] l = new double[nu][];
    double[] drift = new double[nu];
    double[] vol = new double[nu];
    GarchParams[] garch = new GarchParams[nu];
    double h = config.horizonDays() / 365.0;
    for (int u = 0; u < nu; u++) {
      l[u] = factor.lower[modelIndex[u]];
      UnderlyingModel m = models.get(modelIndex[u]);
      drift[u] = m.drift();
      vol[u] = m.volatility();
      garch[u] = m.garchOrConstant();
    }
    double[] spot0 = book.spots();
    double[] base = new double[1];
    Book.Scratch s0 = book.scratch(1);
    book.totals(1, spot0, 0, 0, 0, base, s0);
    double baseValue = base[0];

    int paths = config.effectivePaths();
    int per = paths / config.sections();
    Section job =
        new Section(book, config, l, models.size(), drift, vol, garch, spot0, h, baseValue, per);
    double[][] losses = new double[config.sections()][];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(config.threads(), config.sections()),
            r -> {
              Thread t = new Thread(r, "bs-risk-montecarlo");
              t.setDaemon(true);
              return t;
            });
    try {
      // Independent streams split from one root in section order: deterministic by seed.
      SplittableRandom root = new SplittableRandom(config.seed());
      List<Future<double[]>> futures = new ArrayList<>();
      for (int s = 0; s < config.sections(); s++) {
        SplittableRandom stream = root.split();
        futures.add(pool.submit(() -> job.simulate(stream)));
      }
      for (int s = 0; s < losses.length; s++) {
        losses[s] = futures.get(s).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Monte Carlo VaR interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("Monte Carlo section failed", c);
    } finally {
      pool.shutdownNow();
    }
    return summarize(baseValue, paths, losses, confidences, factor.ridge);
  }

  private static VarReport summarize(
      double baseValue, int paths, double[][] losses, double[] confidences, double ridge) {
    int b = losses.length;
    double[] all = new double[paths];
    int pos = 0;
    double[] sectionMean = new double[b];
    for (int s = 0; s < b; s++) {
      System.arraycopy(losses[s], 0, all, pos, losses[s].length);
      pos += losses[s].length;
      sectionMean[s] = -mean(losses[s]);
      Arrays.sort(losses[s]);
    }
    Arrays.sort(all);
    double t = studentT975(b - 1);
    Estimate meanPnl = interval(-mean(all), sectionMean, t);
    List<VarReport.Level> levels = new ArrayList<>();
    for (double a : confidences) {
      double[] sv = new double[b];
      double[] se = new double[b];
      for (int s = 0; s < b; s++) {
        sv[s] = var(losses[s], a);
        se[s] = es(losses[s], a);
      }
      levels.add(new VarReport.Level(a, interval(var(all, a), sv, t), interval(es(all, a), se, t)));
    }
    return new VarReport(baseValue, paths, meanPnl, levels, ridge);
  }

  private static Estimate interval(double value, double[] sections, double t) {
    double m = mean(sections);
    double ss = 0;
    for (double x : sections) {
      ss += (x - m) * (x - m);
    }
    double half = t * Math.sqrt(ss / (sections.length - 1)) / Math.sqrt(sections.length);
    return new Estimate(value, value - half, value + half);
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s / a.length;
  }

  /** VaR of sorted losses: the ceil(n a)-th smallest. */
  static double var(double[] sorted, double a) {
    int n = sorted.length;
    int k = (int) Math.ceil(n * a - 1e-9);
    return sorted[Math.max(0, Math.min(n - 1, k - 1))];
  }

  /** ES of sorted losses: the mean of the floor(n (1 - a)) largest (at least one). */
  static double es(double[] sorted, double a) {
    int n = sorted.length;
    int m = Math.max(1, (int) Math.floor(n * (1 - a) + 1e-9));
    double s = 0;
    for (int i = n - m; i < n; i++) {
      s += sorted[i];
    }
    return s / m;
  }

  /**
   * Returns Student's t 97.5% quantile (Cornish-Fisher expansion; error below 1e-3 for nu >= 5).
   */
  static double studentT975(int nu) {
    double z = 1.959963984540054;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z
        + (z3 + z) / (4.0 * nu)
        + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * nu * nu)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * nu * nu * nu);
  }

  private record Factor(double[][] lower, double ridge) {}

  private static Factor cholesky(double[][] c, int n) {
    Checks.notNull(c, "correlation");
    if (c.length != n) {
      throw new IllegalArgumentException(
          "correlation must be "
              + n
              + " x "
              + n
              + " (one row per model), has "
              + c.length
              + " rows");
    }
    for (int i = 0; i < n; i++) {
      if (c[i] == null || c[i].length != n) {
        throw new IllegalArgumentException("correlation row " + i + " must have " + n + " entries");
      }
      if (Math.abs(c[i][i] - 1) > 1e-12) {
        throw new IllegalArgumentException(
            "correlation[" + i + "][" + i + "] must be 1, was " + c[i][i]);
      }
      for (int j = 0; j < n; j++) {
        if (!(Math.abs(c[i][j]) <= 1) || Math.abs(c[i][j] - c[j][i]) > 1e-12) {
          throw new IllegalArgumentException(
              "correlation must be symmetric with entries in [-1, 1], at "
                  + i
                  + ","
                  + j
                  + ": "
                  + c[i][j]);
        }
      }
    }
    double ridge = 0;
    while (true) {
      DMatrixRMaj a = new DMatrixRMaj(n, n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a.set(i, j, (c[i][j] + (i == j ? ridge : 0)) / (1 + ridge));
        }
      }
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
      if (chol.decompose(a)) {
        DMatrixRMaj lower = chol.getT(null);
        double[][] out = new double[n][n];
        boolean finite = true;
        for (int i = 0; i < n; i++) {
          for (int j = 0; j <= i; j++) {
            out[i][j] = lower.get(i, j);
            finite &= Double.isFinite(out[i][j]);
          }
          finite &= out[i][i] > 1e-8;
        }
        if (finite) {
          return new Factor(out, ridge);
        }
      }
      ridge = ridge == 0 ? 1e-10 : ridge * 10;
      if (ridge > 1e-2) {
        throw new IllegalArgumentException(
            "correlation matrix is not positive semi-definite (regularization up to 1e-2 failed)");
      }
    }
  }

  /** One section's simulation; immutable, each call builds its own buffers and random stream. */
  private record Section(
      Book book,
      VarConfig config,
      double[][] lower,
      int factors,
      double[] drift,
      double[] vol,
      GarchParams[] garch,
      double[] spot0,
      double h,
      double baseValue,
      int paths) {

    double[] simulate(SplittableRandom rng) {
      int nu = spot0.length;
      int chunk = book.scenariosPerChunk(CHUNK_ROWS);
      chunk = Math.max(2, chunk - (chunk & 1)); // even, to keep antithetic pairs together
      chunk = Math.min(chunk, paths);
      Book.Scratch scratch = book.scratch(chunk);
      double[] spots = new double[chunk * nu];
      double[] values = new double[chunk];
      boolean garchModel = config.returnModel() == ReturnModel.GARCH;
      int steps = garchModel ? (int) Math.max(1, Math.round(config.horizonDays())) : 1;
      double[][] zs = new double[steps][factors];
      double[] losses = new double[paths];
      double sqrtH = Math.sqrt(h);
      double[] mu = new double[nu];
      double[] sd = new double[nu];
      boolean gbm = config.returnModel() == ReturnModel.GBM;
      for (int u = 0; u < nu; u++) {
        sd[u] = vol[u] * sqrtH;
        mu[u] = gbm ? (drift[u] - 0.5 * vol[u] * vol[u]) * h : drift[u] * h;
      }
      int done = 0;
      while (done < paths) {
        int n = Math.min(chunk, paths - done);
        for (int j = 0; j < n; j++) {
          boolean mirror = config.antithetic() && (j & 1) == 1;
          if (!mirror) {
            for (double[] z : zs) {
              for (int k = 0; k < factors; k++) {
                z[k] = rng.nextGaussian();
              }
            }
          }
          double sign = mirror ? -1.0 : 1.0;
          if (garchModel) {
            garchSpots(zs, sign, spots, j * nu);
            continue;
          }
          double[] z = zs[0];
          for (int u = 0; u < nu; u++) {
            double[] row = lower[u];
            double x = 0;
            for (int k = 0; k < row.length; k++) {
              x += row[k] * z[k];
            }
            x *= sign;
            spots[j * nu + u] =
                gbm ? spot0[u] * Math.exp(mu[u] + sd[u] * x) : spot0[u] * (1 + mu[u] + sd[u] * x);
          }
        }
        book.totals(n, spots, 0, h, 0, values, scratch);
        for (int j = 0; j < n; j++) {
          losses[done + j] = baseValue - values[j];
        }
        done += n;
      }
      return losses;
    }

    private void garchSpots(double[][] zs, double sign, double[] spots, int offset) {
      int steps = zs.length;
      double dayDrift = h / steps;
      for (int u = 0; u < spot0.length; u++) {
        GarchParams g = garch[u];
        double[] row = lower[u];
        double v = g.variance();
        double logReturn = 0;
        for (double[] z : zs) {
          double x = 0;
          for (int k = 0; k < row.length; k++) {
            x += row[k] * z[k];
          }
          double eps = Math.sqrt(v) * sign * x;
          logReturn += drift[u] * dayDrift - 0.5 * v + eps;
          v = g.omega() + g.alpha() * eps * eps + g.beta() * v;
        }
        spots[offset + u] = spot0[u] * Math.exp(logReturn);
      }
    }
  }
}
