package io.github.bsoptions.data.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a {@link SimulatedMarket}. Everything the market produces is a function of this
 * record (the seed included): two markets built from equal configs produce identical data.
 *
 * @param seed the random seed
 * @param start the simulated time the market starts at (moved to the next session open when it
 *     falls outside the session)
 * @param step the simulated time one {@link SimulatedMarket#advance()} moves the clock by
 * @param rate the continuously compounded risk-free rate
 * @param underlyings the simulated underlyings (distinct symbols)
 * @param weeklyExpiries how many weekly (Friday) expiries are listed
 * @param monthlyExpiries how many monthly (third Friday) expiries are listed beyond the weeklies
 * @param strikesPerExpiry how many strikes are listed per expiry, centred on the spot
 * @param providerGreeks whether chain snapshots carry greeks and implied volatility (like Alpaca;
 *     never for same-day expiries or one-sided quotes), or leave them to local enrichment
 * @param historyDays how many sessions of history are simulated before {@code start} (for bars)
 */
public record SimulationConfig(
    long seed,
    Instant start,
    Duration step,
    double rate,
    List<UnderlyingSpec> underlyings,
    int weeklyExpiries,
    int monthlyExpiries,
    int strikesPerExpiry,
    boolean providerGreeks,
    int historyDays) {

  /** The exchange time zone: sessions run 09:30 to 16:00 New York time on weekdays. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Session open, New York time. */
  public static final LocalTime OPEN = LocalTime.of(9, 30);

  /** Session close (and option expiry time), New York time. */
  public static final LocalTime CLOSE = LocalTime.of(16, 0);

  /** Validates the configuration, naming the bad field. */
  public SimulationConfig {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(underlyings, "underlyings");
    underlyings = List.copyOf(underlyings);
    if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("step must be in (0, 1h], was " + step);
    }
    if (!Double.isFinite(rate)) {
      throw new IllegalArgumentException("rate must be finite, was " + rate);
    }
    if (underlyings.isEmpty()) {
      throw new IllegalArgumentException("underlyings must not be empty");
    }
    if (underlyings.stream().map(UnderlyingSpec::symbol).distinct().count() != underlyings.size()) {
      throw new IllegalArgumentException("underlyings must have distinct symbols");
    }
    if (weeklyExpiries < 0 || monthlyExpiries < 0 || weeklyExpiries + monthlyExpiries == 0) {
      throw new IllegalArgumentException(
          "weeklyExpiries + monthlyExpiries must be >= 1, was "
              + weeklyExpiries
              + " + "
              + monthlyExpiries);
    }
    if (strikesPerExpiry < 1 || strikesPerExpiry > 2001) {
      throw new IllegalArgumentException(
          "strikesPerExpiry must be in [1, 2001], was " + strikesPerExpiry);
    }
    if (historyDays < 0 || historyDays > 5000) {
      throw new IllegalArgumentException("historyDays must be in [0, 5000], was " + historyDays);
    }
  }

  /** Returns a builder with the defaults (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link SimulationConfig}. Defaults: seed 42, start 2026-01-05 09:30 New York, step 1
   * minute, rate 4%, 4 weekly and 3 monthly expiries, 41 strikes per expiry, provider greeks on, no
   * history; underlyings must be added.
   */
  public static final class Builder {
    private long seed = 42;
    private Instant start = LocalDate.of(2026, 1, 5).atTime(OPEN).atZone(NEW_YORK).toInstant();
    private Duration step = Duration.ofMinutes(1);
    private double rate = 0.04;
    private final List<UnderlyingSpec> underlyings = new ArrayList<>();
    private int weeklyExpiries = 4;
    private int monthlyExpiries = 3;
    private int strikesPerExpiry = 41;
    private boolean providerGreeks = true;
    private int historyDays;

    Builder() {}

    /** Sets the seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Sets the start time. */
    public Builder start(Instant value) {
      this.start = value;
      return this;
    }

    /** Sets the clock step. */
    public Builder step(Duration value) {
      this.step = value;
      return this;
    }

    /** Sets the risk-free rate. */
    public Builder rate(double value) {
      this.rate = value;
      return this;
    }

    /** Adds an underlying with {@link UnderlyingSpec#of} defaults. */
    public Builder underlying(String symbol, double spot, double volatility) {
      return underlying(UnderlyingSpec.of(symbol, spot, volatility));
    }

    /** Adds an underlying. */
    public Builder underlying(UnderlyingSpec spec) {
      underlyings.add(Objects.requireNonNull(spec, "spec"));
      return this;
    }

    /** Sets the number of listed expiries. */
    public Builder expiries(int weekly, int monthly) {
      this.weeklyExpiries = weekly;
      this.monthlyExpiries = monthly;
      return this;
    }

    /** Sets the number of strikes listed per expiry. */
    public Builder strikesPerExpiry(int value) {
      this.strikesPerExpiry = value;
      return this;
    }

    /** Sets whether chain snapshots carry provider greeks. */
    public Builder providerGreeks(boolean value) {
      this.providerGreeks = value;
      return this;
    }

    /** Sets the number of sessions of history simulated before the start. */
    public Builder historyDays(int value) {
      this.historyDays = value;
      return this;
    }

    /** Returns the validated configuration. */
    public SimulationConfig build() {
      return new SimulationConfig(
          seed,
          start,
          step,
          rate,
          underlyings,
          weeklyExpiries,
          monthlyExpiries,
          strikesPerExpiry,
          providerGreeks,
          historyDays);
    }
  }
}
