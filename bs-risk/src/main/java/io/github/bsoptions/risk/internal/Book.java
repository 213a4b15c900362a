package io.github.bsoptions.risk.internal;

import io.github.bsoptions.pricing.PricingStatus;
import io.github.bsoptions.pricing.batch.BatchModel;
import io.github.bsoptions.pricing.batch.OptionBatch;
import io.github.bsoptions.pricing.pricer.PricingModel;
import io.github.bsoptions.pricing.product.OptionType;
import io.github.bsoptions.pricing.spi.PricingBackend;
import io.github.bsoptions.risk.portfolio.MarketState;
import io.github.bsoptions.risk.portfolio.OptionInstrument;
import io.github.bsoptions.risk.portfolio.Portfolio;
import io.github.bsoptions.risk.portfolio.Position;
import io.github.bsoptions.risk.portfolio.RiskPricers;
import io.github.bsoptions.risk.portfolio.StockInstrument;
import java.util.ArrayList;
import java.util.List;

/**
 * A portfolio compiled into primitive columns for repeated full revaluation under shocked spots,
 * volatilities, time and rates. Immutable and thread-safe; per-thread buffers live in {@link
 * Scratch}.
 *
 * <p>Shocks: each underlying's spot is replaced by the scenario's spot; volatility becomes {@code
 * max(vol + volShift, 0)}, expiry {@code max(T - timeShift, 0)} (an option past expiry is worth its
 * intrinsic value) and the rate {@code r + rateShift}.
 */
public final class Book {
  private final String[] underlyings;
  private final double[] spot0;
  private final int positions;
  // Options
  private final int[] optPosition;
  private final int[] optUnderlying;
  private final OptionType[] type;
  private final boolean[] call;
  private final double[] strike;
  private final double[] expiry;
  private final double[] vol;
  private final double[] rate;
  private final double[] div;
  private final double[] optUnits;
  private final PricingModel[] model;
  private final int[] batchedRows;
  private final int[] scalarRows;
  // Stocks
  private final int[] stockPosition;
  private final int[] stockUnderlying;
  private final double[] stockUnits;
  private final PricingBackend backend;

  /** Compiles {@code portfolio}; every underlying must have a spot in {@code market}. */
  public Book(Portfolio portfolio, MarketState market, RiskPricers pricers) {
    List<String> unds = new ArrayList<>(portfolio.underlyings());
    underlyings = unds.toArray(new String[0]);
    spot0 = new double[underlyings.length];
    for (int u = 0; u < underlyings.length; u++) {
      spot0[u] = market.spot(underlyings[u]);
    }
    positions = portfolio.size();
    int nOpt = 0;
    for (Position p : portfolio.positions()) {
      if (p.instrument() instanceof OptionInstrument) {
        nOpt++;
      }
    }
    int nStock = positions - nOpt;
    optPosition = new int[nOpt];
    optUnderlying = new int[nOpt];
    type = new OptionType[nOpt];
    call = new boolean[nOpt];
    strike = new double[nOpt];
    expiry = new double[nOpt];
    vol = new double[nOpt];
    rate = new double[nOpt];
    div = new double[nOpt];
    optUnits = new double[nOpt];
    model = new PricingModel[nOpt];
    stockPosition = new int[nStock];
    stockUnderlying = new int[nStock];
    stockUnits = new double[nStock];
    List<Integer> batched = new ArrayList<>();
    List<Integer> scalar = new ArrayList<>();
    int o = 0;
    int s = 0;
    for (int i = 0; i < positions; i++) {
      Position p = portfolio.positions().get(i);
      int u = unds.indexOf(p.underlying());
      if (p.instrument() instanceof OptionInstrument opt) {
        optPosition[o] = i;
        optUnderlying[o] = u;
        type[o] = opt.type();
        call[o] = opt.type().isCall();
        strike[o] = opt.strike();
        expiry[o] = opt.expiry();
        vol[o] = opt.volatility();
        rate[o] = opt.rate();
        div[o] = opt.dividendYield();
        optUnits[o] = p.units();
        model[o] = pricers.model(opt.style());
        (pricers.batched(opt.style()) ? batched : scalar).add(o);
        o++;
      } else if (p.instrument() instanceof StockInstrument) {
        stockPosition[s] = i;
        stockUnderlying[s] = u;
        stockUnits[s] = p.units();
        s++;
      }
    }
    batchedRows = batched.stream().mapToInt(Integer::intValue).toArray();
    scalarRows = scalar.stream().mapToInt(Integer::intValue).toArray();
    backend = pricers.backend();
  }

  /** Returns the number of underlyings. */
  public int underlyingCount() {
    return underlyings.length;
  }

  /** Returns the underlying symbols, sorted (index order of every spot array). */
  public String[] underlyings() {
    return underlyings.clone();
  }

  /** Returns the current spots, in {@link #underlyings()} order. */
  public double[] spots() {
    return spot0.clone();
  }

  /** Returns the number of positions. */
  public int positionCount() {
    return positions;
  }

  /** Returns the number of option rows priced per scenario. */
  public int optionCount() {
    return optPosition.length;
  }

  /**
   * Writes the value of each position (in portfolio order) under one scenario into {@code out}.
   *
   * @param spots the spot of each underlying
   */
  public void positionValues(
      double[] spots, double volShift, double timeShift, double rateShift, double[] out) {
    for (int o = 0; o < optPosition.length; o++) {
      double price =
          model[o].price(
              type[o],
              spots[optUnderlying[o]],
              strike[o],
              Math.max(expiry[o] - timeShift, 0.0),
              rate[o] + rateShift,
              div[o],
              Math.max(vol[o] + volShift, 0.0));
      out[optPosition[o]] = price * optUnits[o];
    }
    for (int k = 0; k < stockPosition.length; k++) {
      out[stockPosition[k]] = spots[stockUnderlying[k]] * stockUnits[k];
    }
  }

  /** Returns a buffer set for {@link #totals} that values up to {@code scenarios} at once. */
  public Scratch scratch(int scenarios) {
    return new Scratch(scenarios, batchedRows.length);
  }

  /** Returns how many scenarios per {@link #totals} call keep a batch under {@code rows} rows. */
  public int scenariosPerChunk(int rows) {
    return Math.max(1, rows / Math.max(1, batchedRows.length));
  }

  /**
   * Writes the total portfolio value of {@code n} scenarios into {@code out[0..n)}.
   *
   * @param spots scenario spots laid out as {@code spots[scenario * underlyingCount() + u]}
   * @param scratch buffers from {@link #scratch(int)} with room for {@code n} scenarios
   * @throws IllegalStateException if the backend refuses a row (inputs are validated at
   *     construction, so this means a backend fault)
   */
  public void totals(
      int n,
      double[] spots,
      double volShift,
      double timeShift,
      double rateShift,
      double[] out,
      Scratch scratch) {
    int nu = underlyings.length;
    for (int j = 0; j < n; j++) {
      double v = 0;
      int base = j * nu;
      for (int k = 0; k < stockPosition.length; k++) {
        v += spots[base + stockUnderlying[k]] * stockUnits[k];
      }
      for (int o : scalarRows) {
        v +=
            optUnits[o]
                * model[o].price(
                    type[o],
                    spots[base + optUnderlying[o]],
                    strike[o],
                    Math.max(expiry[o] - timeShift, 0.0),
                    rate[o] + rateShift,
                    div[o],
                    Math.max(vol[o] + volShift, 0.0));
      }
      out[j] = v;
    }
    int m = batchedRows.length;
    if (m == 0) {
      return;
    }
    if (n > scratch.scenarios) {
      throw new IllegalArgumentException(
          "scratch holds " + scratch.scenarios + " scenarios, asked " + n);
    }
    int rows = n * m;
    for (int j = 0; j < n; j++) {
      int base = j * nu;
      int r = j * m;
      for (int b = 0; b < m; b++) {
        int o = batchedRows[b];
        scratch.call[r + b] = call[o];
        scratch.spot[r + b] = spots[base + optUnderlying[o]];
        scratch.strike[r + b] = strike[o];
        scratch.expiry[r + b] = Math.max(expiry[o] - timeShift, 0.0);
        scratch.rate[r + b] = rate[o] + rateShift;
        scratch.div[r + b] = div[o];
        scratch.vol[r + b] = Math.max(vol[o] + volShift, 0.0);
      }
    }
    OptionBatch batch = rows == scratch.full.size() ? scratch.full : scratch.view(rows);
    backend.price(BatchModel.BLACK_SCHOLES, batch, scratch.price, scratch.status);
    byte ok = PricingStatus.OK.code();
    for (int j = 0; j < n; j++) {
      int r = j * m;
      double v = 0;
      for (int b = 0; b < m; b++) {
        if (scratch.status[r + b] != ok) {
          throw new IllegalStateException(
              "backend "
                  + backend.name()
                  + " refused option row "
                  + batchedRows[b]
                  + ": "
                  + PricingStatus.of(scratch.status[r + b]).label());
        }
        v += scratch.price[r + b] * optUnits[batchedRows[b]];
      }
      out[j] += v;
    }
  }

  /** Per-thread buffers for {@link #totals}. Not thread-safe. */
  public static final class Scratch {
    private final int scenarios;
    private final boolean[] call;
    private final double[] spot;
    private final double[] strike;
    private final double[] expiry;
    private final double[] rate;
    private final double[] div;
    private final double[] vol;
    private final double[] price;
    private final byte[] status;
    private final OptionBatch full;

    private Scratch(int scenarios, int rowsPerScenario) {
      this.scenarios = scenarios;
      int rows = scenarios * rowsPerScenario;
      call = new boolean[rows];
      spot = new double[rows];
      strike = new double[rows];
      expiry = new double[rows];
      rate = new double[rows];
      div = new double[rows];
      vol = new double[rows];
      price = new double[rows];
      status = new byte[rows];
      full = OptionBatch.of(call, spot, strike, expiry, rate, div, vol);
    }

    private OptionBatch view(int rows) {
      return OptionBatch.of(
          java.util.Arrays.copyOf(call, rows),
          java.util.Arrays.copyOf(spot, rows),
          java.util.Arrays.copyOf(strike, rows),
          java.util.Arrays.copyOf(expiry, rows),
          java.util.Arrays.copyOf(rate, rows),
          java.util.Arrays.copyOf(div, rows),
          java.util.Arrays.copyOf(vol, rows));
    }
  }
}
