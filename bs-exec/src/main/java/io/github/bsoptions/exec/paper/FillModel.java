package io.github.bsoptions.exec.paper;

/**
 * How the paper broker fills.
 *
 * @param slippage adverse price move per unit applied to marketable fills (absolute, {@code >= 0});
 *     a limit order never fills beyond its limit
 * @param feePerUnit fee per share or contract ({@code >= 0})
 * @param minFeePerFill minimum fee per fill ({@code >= 0})
 * @param partialByDisplayedSize when true a fill takes at most the displayed size of the quote (and
 *     consumes it until the next quote); when false it fills the whole remaining quantity
 * @param optionMultiplier cash multiplier for option contracts (usually 100)
 */
public record FillModel(
    double slippage,
    double feePerUnit,
    double minFeePerFill,
    boolean partialByDisplayedSize,
    int optionMultiplier) {

  /** No slippage or fees; partial fills by displayed size; multiplier 100. */
  public static final FillModel DEFAULT = new FillModel(0, 0, 0, true, 100);

  /** Validates the model. */
  public FillModel {
    if (!(slippage >= 0 && slippage < 1e6)) {
      throw new IllegalArgumentException("slippage must be in [0, 1e6), was " + slippage);
    }
    if (!(feePerUnit >= 0 && feePerUnit < 1e6)) {
      throw new IllegalArgumentException("feePerUnit must be in [0, 1e6), was " + feePerUnit);
    }
    if (!(minFeePerFill >= 0 && minFeePerFill < 1e6)) {
      throw new IllegalArgumentException("minFeePerFill must be in [0, 1e6), was " + minFeePerFill);
    }
    if (optionMultiplier < 1) {
      throw new IllegalArgumentException("optionMultiplier must be >= 1, was " + optionMultiplier);
    }
  }

  /** Returns the fee for a fill of {@code qty} units. */
  public double fee(long qty) {
    return Math.max(minFeePerFill, feePerUnit * qty);
  }
}
