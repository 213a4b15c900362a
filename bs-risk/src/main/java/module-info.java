/**
 * Risk management for options books: Kelly sizing, limits, pre-trade checks, stress tests and Monte
 * Carlo VaR.
 */
module io.github.bsoptions.risk {
  requires transitive io.github.bsoptions.pricing;
  requires transitive io.github.bsoptions.data;
  requires ejml.ddense;
  requires ejml.core;

  exports io.github.bsoptions.risk.portfolio;
  exports io.github.bsoptions.risk.sizing;
  exports io.github.bsoptions.risk.limits;
  exports io.github.bsoptions.risk.pretrade;
  exports io.github.bsoptions.risk.stress;
  exports io.github.bsoptions.risk.montecarlo;
}
