package io.github.bsoptions.risk.limits;

import io.github.bsoptions.risk.internal.Checks;
import java.time.Duration;
import java.util.Set;

/**
 * Every threshold the pre-trade check enforces. Currency amounts are in the account currency;
 * {@code Double.POSITIVE_INFINITY} disables a cap. Build with {@link #builder()}; the defaults suit
 * a margin account of about 100,000 (see {@link Builder}).
 *
 * <p>Contradictions are refused at construction: a per-underlying cap above the matching portfolio
 * cap, a per-order greek cap above the matching portfolio cap, an order notional cap above the
 * gross notional cap, a finite order rate over a zero window.
 *
 * @param maxOrderContracts most contracts (or shares for stock orders) per order, summed over legs
 * @param maxOrderNotional most underlying notional per order ({@code sum |qty| * multiplier *
 *     spot}), currency
 * @param maxOrderLoss most an order can lose held to expiry (expiry intrinsic; infinite for
 *     uncovered short calls), currency
 * @param maxOrderDollarDelta most absolute dollar delta one order may add
 * @param maxOrderDollarGamma most absolute dollar gamma per 1% one order may add
 * @param maxOrderVega most absolute vega per vol point one order may add
 * @param maxPortfolioDollarDelta most absolute dollar delta of the book after the order (working
 *     orders included)
 * @param maxPortfolioDollarGamma most absolute dollar gamma per 1% of the book after the order
 * @param maxPortfolioVega most absolute vega per vol point of the book after the order
 * @param maxPortfolioTheta most absolute theta per day of the book after the order
 * @param maxUnderlyingDollarDelta most absolute dollar delta per underlying after the order
 * @param maxUnderlyingVega most absolute vega per vol point per underlying after the order
 * @param maxGrossNotional most gross underlying notional of the book after the order
 * @param maxConcentration most gross notional in one underlying after the order, as a multiple of
 *     account equity
 * @param maxOpenOrders most open plus in-flight orders, this one included
 * @param maxOrdersPerWindow most orders accepted in any rolling rate window, this one included
 * @param rateWindow the order-rate window
 * @param duplicateWindow an identical order within this window is a duplicate
 * @param priceCollar most distance of the limit price from the mid, as a fraction of the legs'
 *     gross mid
 * @param priceCollarMinimum the collar is never tighter than this, in price per share
 * @param maxQuoteAge quotes older than this are stale (the order is denied)
 * @param restrictedSymbols underlyings and contract symbols that may not be traded
 */
public record RiskLimits(
    long maxOrderContracts,
    double maxOrderNotional,
    double maxOrderLoss,
    double maxOrderDollarDelta,
    double maxOrderDollarGamma,
    double maxOrderVega,
    double maxPortfolioDollarDelta,
    double maxPortfolioDollarGamma,
    double maxPortfolioVega,
    double maxPortfolioTheta,
    double maxUnderlyingDollarDelta,
    double maxUnderlyingVega,
    double maxGrossNotional,
    double maxConcentration,
    int maxOpenOrders,
    int maxOrdersPerWindow,
    Duration rateWindow,
    Duration duplicateWindow,
    double priceCollar,
    double priceCollarMinimum,
    Duration maxQuoteAge,
    Set<String> restrictedSymbols) {

  /** The defaults of {@link Builder}. */
  public static final RiskLimits DEFAULT = builder().build();

  /** Validates every threshold and their consistency. */
  public RiskLimits {
    if (maxOrderContracts < 0) {
      throw new IllegalArgumentException(
          "maxOrderContracts must be >= 0, was " + maxOrderContracts);
    }
    Checks.limit(maxOrderNotional, "maxOrderNotional");
    Checks.limit(maxOrderLoss, "maxOrderLoss");
    Checks.limit(maxOrderDollarDelta, "maxOrderDollarDelta");
    Checks.limit(maxOrderDollarGamma, "maxOrderDollarGamma");
    Checks.limit(maxOrderVega, "maxOrderVega");
    Checks.limit(maxPortfolioDollarDelta, "maxPortfolioDollarDelta");
    Checks.limit(maxPortfolioDollarGamma, "maxPortfolioDollarGamma");
    Checks.limit(maxPortfolioVega, "maxPortfolioVega");
    Checks.limit(maxPortfolioTheta, "maxPortfolioTheta");
    Checks.limit(maxUnderlyingDollarDelta, "maxUnderlyingDollarDelta");
    Checks.limit(maxUnderlyingVega, "maxUnderlyingVega");
    Checks.limit(maxGrossNotional, "maxGrossNotional");
    Checks.limit(maxConcentration, "maxConcentration");
    if (maxOpenOrders < 0) {
      throw new IllegalArgumentException("maxOpenOrders must be >= 0, was " + maxOpenOrders);
    }
    if (maxOrdersPerWindow < 0) {
      throw new IllegalArgumentException(
          "maxOrdersPerWindow must be >= 0, was " + maxOrdersPerWindow);
    }
    if (rateWindow == null || rateWindow.isNegative()) {
      throw new IllegalArgumentException("rateWindow must be >= 0, was " + rateWindow);
    }
    if (duplicateWindow == null || duplicateWindow.isNegative()) {
      throw new IllegalArgumentException("duplicateWindow must be >= 0, was " + duplicateWindow);
    }
    Checks.limit(priceCollar, "priceCollar");
    Checks.limit(priceCollarMinimum, "priceCollarMinimum");
    if (maxQuoteAge == null || maxQuoteAge.isNegative()) {
      throw new IllegalArgumentException("maxQuoteAge must be >= 0, was " + maxQuoteAge);
    }
    Checks.notNull(restrictedSymbols, "restrictedSymbols");
    restrictedSymbols = Set.copyOf(restrictedSymbols);
    consistent(
        maxUnderlyingDollarDelta,
        maxPortfolioDollarDelta,
        "maxUnderlyingDollarDelta",
        "maxPortfolioDollarDelta");
    consistent(maxUnderlyingVega, maxPortfolioVega, "maxUnderlyingVega", "maxPortfolioVega");
    consistent(
        maxOrderDollarDelta,
        maxPortfolioDollarDelta,
        "maxOrderDollarDelta",
        "maxPortfolioDollarDelta");
    consistent(
        maxOrderDollarGamma,
        maxPortfolioDollarGamma,
        "maxOrderDollarGamma",
        "maxPortfolioDollarGamma");
    consistent(maxOrderVega, maxPortfolioVega, "maxOrderVega", "maxPortfolioVega");
    consistent(maxOrderNotional, maxGrossNotional, "maxOrderNotional", "maxGrossNotional");
    if (rateWindow.isZero() && maxOrdersPerWindow > 0) {
      throw new IllegalArgumentException(
          "rateWindow must be > 0 when maxOrdersPerWindow is set, was " + rateWindow);
    }
  }

  private static void consistent(double inner, double outer, String innerName, String outerName) {
    if (inner > outer) {
      throw new IllegalArgumentException(
          innerName + " (" + inner + ") must not exceed " + outerName + " (" + outer + ")");
    }
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxOrderContracts = maxOrderContracts;
    b.maxOrderNotional = maxOrderNotional;
    b.maxOrderLoss = maxOrderLoss;
    b.maxOrderDollarDelta = maxOrderDollarDelta;
    b.maxOrderDollarGamma = maxOrderDollarGamma;
    b.maxOrderVega = maxOrderVega;
    b.maxPortfolioDollarDelta = maxPortfolioDollarDelta;
    b.maxPortfolioDollarGamma = maxPortfolioDollarGamma;
    b.maxPortfolioVega = maxPortfolioVega;
    b.maxPortfolioTheta = maxPortfolioTheta;
    b.maxUnderlyingDollarDelta = maxUnderlyingDollarDelta;
    b.maxUnderlyingVega = maxUnderlyingVega;
    b.maxGrossNotional = maxGrossNotional;
    b.maxConcentration = maxConcentration;
    b.maxOpenOrders = maxOpenOrders;
    b.maxOrdersPerWindow = maxOrdersPerWindow;
    b.rateWindow = rateWindow;
    b.duplicateWindow = duplicateWindow;
    b.priceCollar = priceCollar;
    b.priceCollarMinimum = priceCollarMinimum;
    b.maxQuoteAge = maxQuoteAge;
    b.restrictedSymbols = restrictedSymbols;
    return b;
  }

  /**
   * Builds {@link RiskLimits}. Defaults:
   *
   * <ul>
   *   <li>maxOrderContracts: {@code 50}
   *   <li>maxOrderNotional: {@code 250000}
   *   <li>maxOrderLoss: {@code 5000}
   *   <li>maxOrderDollarDelta: {@code 100000}
   *   <li>maxOrderDollarGamma: {@code 10000}
   *   <li>maxOrderVega: {@code 2000}
   *   <li>maxPortfolioDollarDelta: {@code 250000}
   *   <li>maxPortfolioDollarGamma: {@code 25000}
   *   <li>maxPortfolioVega: {@code 5000}
   *   <li>maxPortfolioTheta: {@code 1000}
   *   <li>maxUnderlyingDollarDelta: {@code 100000}
   *   <li>maxUnderlyingVega: {@code 2500}
   *   <li>maxGrossNotional: {@code 1000000}
   *   <li>maxConcentration: {@code 2.5}
   *   <li>maxOpenOrders: {@code 20}
   *   <li>maxOrdersPerWindow: {@code 60}
   *   <li>rateWindow: {@code Duration.ofMinutes(1)}
   *   <li>duplicateWindow: {@code Duration.ofSeconds(2)}
   *   <li>priceCollar: {@code 0.05}
   *   <li>priceCollarMinimum: {@code 0.05}
   *   <li>maxQuoteAge: {@code Duration.ofSeconds(5)}
   *   <li>restrictedSymbols: {@code Set.of()}
   * </ul>
   */
  public static final class Builder {
    private long maxOrderContracts = 50;
    private double maxOrderNotional = 250_000;
    private double maxOrderLoss = 5_000;
    private double maxOrderDollarDelta = 100_000;
    private double maxOrderDollarGamma = 10_000;
    private double maxOrderVega = 2_000;
    private double maxPortfolioDollarDelta = 250_000;
    private double maxPortfolioDollarGamma = 25_000;
    private double maxPortfolioVega = 5_000;
    private double maxPortfolioTheta = 1_000;
    private double maxUnderlyingDollarDelta = 100_000;
    private double maxUnderlyingVega = 2_500;
    private double maxGrossNotional = 1_000_000;
    private double maxConcentration = 2.5;
    private int maxOpenOrders = 20;
    private int maxOrdersPerWindow = 60;
    private Duration rateWindow = Duration.ofMinutes(1);
    private Duration duplicateWindow = Duration.ofSeconds(2);
    private double priceCollar = 0.05;
    private double priceCollarMinimum = 0.05;
    private Duration maxQuoteAge = Duration.ofSeconds(5);
    private Set<String> restrictedSymbols = Set.of();

    private Builder() {}

    /**
     * Sets maxOrderContracts: most contracts (or shares for stock orders) per order, summed over
     * legs.
     */
    public Builder maxOrderContracts(long value) {
      this.maxOrderContracts = value;
      return this;
    }

    /**
     * Sets maxOrderNotional: most underlying notional per order ({@code sum |qty| * multiplier *
     * spot}), currency.
     */
    public Builder maxOrderNotional(double value) {
      this.maxOrderNotional = value;
      return this;
    }

    /**
     * Sets maxOrderLoss: most an order can lose held to expiry (expiry intrinsic; infinite for
     * uncovered short calls), currency.
     */
    public Builder maxOrderLoss(double value) {
      this.maxOrderLoss = value;
      return this;
    }

    /** Sets maxOrderDollarDelta: most absolute dollar delta one order may add. */
    public Builder maxOrderDollarDelta(double value) {
      this.maxOrderDollarDelta = value;
      return this;
    }

    /** Sets maxOrderDollarGamma: most absolute dollar gamma per 1% one order may add. */
    public Builder maxOrderDollarGamma(double value) {
      this.maxOrderDollarGamma = value;
      return this;
    }

    /** Sets maxOrderVega: most absolute vega per vol point one order may add. */
    public Builder maxOrderVega(double value) {
      this.maxOrderVega = value;
      return this;
    }

    /**
     * Sets maxPortfolioDollarDelta: most absolute dollar delta of the book after the order (working
     * orders included).
     */
    public Builder maxPortfolioDollarDelta(double value) {
      this.maxPortfolioDollarDelta = value;
      return this;
    }

    /**
     * Sets maxPortfolioDollarGamma: most absolute dollar gamma per 1% of the book after the order.
     */
    public Builder maxPortfolioDollarGamma(double value) {
      this.maxPortfolioDollarGamma = value;
      return this;
    }

    /** Sets maxPortfolioVega: most absolute vega per vol point of the book after the order. */
    public Builder maxPortfolioVega(double value) {
      this.maxPortfolioVega = value;
      return this;
    }

    /** Sets maxPortfolioTheta: most absolute theta per day of the book after the order. */
    public Builder maxPortfolioTheta(double value) {
      this.maxPortfolioTheta = value;
      return this;
    }

    /** Sets maxUnderlyingDollarDelta: most absolute dollar delta per underlying after the order. */
    public Builder maxUnderlyingDollarDelta(double value) {
      this.maxUnderlyingDollarDelta = value;
      return this;
    }

    /** Sets maxUnderlyingVega: most absolute vega per vol point per underlying after the order. */
    public Builder maxUnderlyingVega(double value) {
      this.maxUnderlyingVega = value;
      return this;
    }

    /** Sets maxGrossNotional: most gross underlying notional of the book after the order. */
    public Builder maxGrossNotional(double value) {
      this.maxGrossNotional = value;
      return this;
    }

    /**
     * Sets maxConcentration: most gross notional in one underlying after the order, as a multiple
     * of account equity.
     */
    public Builder maxConcentration(double value) {
      this.maxConcentration = value;
      return this;
    }

    /** Sets maxOpenOrders: most open plus in-flight orders, this one included. */
    public Builder maxOpenOrders(int value) {
      this.maxOpenOrders = value;
      return this;
    }

    /**
     * Sets maxOrdersPerWindow: most orders accepted in any rolling rate window, this one included.
     */
    public Builder maxOrdersPerWindow(int value) {
      this.maxOrdersPerWindow = value;
      return this;
    }

    /** Sets rateWindow: the order-rate window. */
    public Builder rateWindow(Duration value) {
      this.rateWindow = value;
      return this;
    }

    /** Sets duplicateWindow: an identical order within this window is a duplicate. */
    public Builder duplicateWindow(Duration value) {
      this.duplicateWindow = value;
      return this;
    }

    /**
     * Sets priceCollar: most distance of the limit price from the mid, as a fraction of the legs'
     * gross mid.
     */
    public Builder priceCollar(double value) {
      this.priceCollar = value;
      return this;
    }

    /** Sets priceCollarMinimum: the collar is never tighter than this, in price per share. */
    public Builder priceCollarMinimum(double value) {
      this.priceCollarMinimum = value;
      return this;
    }

    /** Sets maxQuoteAge: quotes older than this are stale (the order is denied). */
    public Builder maxQuoteAge(Duration value) {
      this.maxQuoteAge = value;
      return this;
    }

    /** Sets restrictedSymbols: underlyings and contract symbols that may not be traded. */
    public Builder restrictedSymbols(Set<String> value) {
      this.restrictedSymbols = value;
      return this;
    }

    /** Returns the limits (validated). */
    public RiskLimits build() {
      return new RiskLimits(
          maxOrderContracts,
          maxOrderNotional,
          maxOrderLoss,
          maxOrderDollarDelta,
          maxOrderDollarGamma,
          maxOrderVega,
          maxPortfolioDollarDelta,
          maxPortfolioDollarGamma,
          maxPortfolioVega,
          maxPortfolioTheta,
          maxUnderlyingDollarDelta,
          maxUnderlyingVega,
          maxGrossNotional,
          maxConcentration,
          maxOpenOrders,
          maxOrdersPerWindow,
          rateWindow,
          duplicateWindow,
          priceCollar,
          priceCollarMinimum,
          maxQuoteAge,
          restrictedSymbols);
    }
  }
}
