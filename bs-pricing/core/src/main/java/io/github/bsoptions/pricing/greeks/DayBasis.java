package io.github.bsoptions.pricing.greeks;

/** How many days make a year when a per-year sensitivity (theta, charm, ...) is quoted per day. */
public enum DayBasis {
  /** 365 calendar days (most US brokers). */
  CALENDAR_365(365.0),
  /** 365.25 calendar days (leap-year average). */
  CALENDAR_365_25(365.25),
  /** 252 trading days. */
  TRADING_252(252.0);

  private final double daysPerYear;

  DayBasis(double daysPerYear) {
    this.daysPerYear = daysPerYear;
  }

  /** Returns the number of days in one year under this basis. */
  public double daysPerYear() {
    return daysPerYear;
  }
}
