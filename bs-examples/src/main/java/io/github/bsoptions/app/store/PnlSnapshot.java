package io.github.bsoptions.app.store;

import java.time.Instant;

/**
 * Account value, P&amp;L and net greeks at one instant.
 *
 * @param takenAt when it was taken
 * @param equity account equity (cash plus marked positions)
 * @param cash cash
 * @param realized realized P&amp;L
 * @param unrealized unrealized P&amp;L
 * @param netDelta net delta in underlying units
 * @param netGamma net gamma
 * @param netVega net vega per vol point
 * @param netTheta net theta per day
 */
public record PnlSnapshot(
    Instant takenAt,
    double equity,
    double cash,
    double realized,
    double unrealized,
    double netDelta,
    double netGamma,
    double netVega,
    double netTheta) {
  /** Validates every field. */
  public PnlSnapshot {
    Records.notNull(takenAt, "takenAt");
    Records.finite(equity, "equity");
    Records.finite(cash, "cash");
    Records.finite(realized, "realized");
    Records.finite(unrealized, "unrealized");
    Records.finite(netDelta, "netDelta");
    Records.finite(netGamma, "netGamma");
    Records.finite(netVega, "netVega");
    Records.finite(netTheta, "netTheta");
  }
}
