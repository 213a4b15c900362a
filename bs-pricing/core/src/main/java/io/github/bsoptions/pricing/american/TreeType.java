package io.github.bsoptions.pricing.american;

/** The lattice of a {@link BinomialTree}. */
public enum TreeType {
  /** Cox-Ross-Rubinstein (1979): {@code u = e^{sigma sqrt(dt)}}, {@code d = 1/u}. */
  CRR,
  /**
   * Leisen-Reimer (1996) with the Peizer-Pratt method 2 inversion, centred on the strike; an even
   * step count is raised by one (the method needs an odd count). Second-order convergence for
   * European options, smooth first-order convergence for American ones.
   */
  LEISEN_REIMER
}
