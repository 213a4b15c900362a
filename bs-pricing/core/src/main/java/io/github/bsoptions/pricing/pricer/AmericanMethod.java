package io.github.bsoptions.pricing.pricer;

import java.util.Locale;

/** The numerical method an {@link AmericanModel} prices with. */
public enum AmericanMethod {
  /**
   * Andersen-Lake-Offengelter exercise-boundary fixed point with Chebyshev collocation (the
   * default: accurate and fast). See {@link
   * io.github.bsoptions.pricing.american.AndersenLakeOffengelter}.
   */
  ALO("alo"),
  /** Barone-Adesi-Whaley (1987) quadratic approximation. */
  BARONE_ADESI_WHALEY("baw"),
  /** Bjerksund-Stensland (2002) approximation. */
  BJERKSUND_STENSLAND("bjs"),
  /** Cox-Ross-Rubinstein binomial tree. */
  BINOMIAL_CRR("crr"),
  /** Leisen-Reimer binomial tree (odd step count, Peizer-Pratt inversion). */
  BINOMIAL_LEISEN_REIMER("lr");

  private final String shortName;

  AmericanMethod(String shortName) {
    this.shortName = shortName;
  }

  /** Returns the short name used on command lines ({@code alo}, {@code baw}, ...). */
  public String shortName() {
    return shortName;
  }

  /** Returns true for the binomial tree methods. */
  public boolean isTree() {
    return this == BINOMIAL_CRR || this == BINOMIAL_LEISEN_REIMER;
  }

  /**
   * Parses a method name, ignoring case, blanks, {@code -} and {@code _}: the short names {@code
   * alo}, {@code baw}, {@code bjs}, {@code crr}, {@code lr}, the constant names, and a few aliases
   * ({@code andersen-lake-offengelter}, {@code qdfp}, {@code barone-adesi-whaley}, {@code
   * bjerksund-stensland}, {@code bs2002}, {@code leisen-reimer}, {@code binomial}).
   *
   * @throws IllegalArgumentException naming the value when it is none of these
   */
  public static AmericanMethod parse(String text) {
    if (text != null) {
      String key = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
      switch (key) {
        case "alo":
        case "andersenlakeoffengelter":
        case "qdfp":
          return ALO;
        case "baw":
        case "baroneadesiwhaley":
          return BARONE_ADESI_WHALEY;
        case "bjs":
        case "bjerksundstensland":
        case "bs2002":
          return BJERKSUND_STENSLAND;
        case "crr":
        case "binomialcrr":
        case "coxrossrubinstein":
          return BINOMIAL_CRR;
        case "lr":
        case "leisenreimer":
        case "binomialleisenreimer":
        case "binomial":
          return BINOMIAL_LEISEN_REIMER;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "americanMethod must be one of alo, baw, bjs, crr, lr, was " + text);
  }
}
