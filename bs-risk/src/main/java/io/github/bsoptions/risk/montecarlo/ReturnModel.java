package io.github.bsoptions.risk.montecarlo;

/** How spot moves over the horizon given a standard normal draw {@code x} (correlated). */
public enum ReturnModel {
  /** Geometric Brownian motion: {@code S exp((mu - sigma^2/2) h + sigma sqrt(h) x)}. */
  GBM,
  /**
   * Arithmetic normal returns: {@code S (1 + mu h + sigma sqrt(h) x)}. P&amp;L of a linear book is
   * then exactly normal (the delta-normal model); spots may go negative, so books holding options
   * are refused.
   */
  NORMAL,
  /**
   * GARCH(1,1) log returns stepped once per horizon day ({@code round(horizonDays)} steps, at least
   * 1), each underlying with its {@link UnderlyingModel#garchOrConstant()} dynamics and the day's
   * correlated shocks; drift {@code mu / 365} per day.
   */
  GARCH
}
