package io.github.bsoptions.signals.vol.garch;

import java.util.Objects;

/**
 * The specification of a GARCH(1,1)-family model to fit.
 *
 * @param variant plain GARCH or GJR-GARCH (leverage term)
 * @param innovation the innovation distribution
 * @param mean the mean model
 * @param varianceTargeting whether {@code omega} is tied to the sample variance, {@code omega = var
 *     * (1 - persistence)}, instead of being estimated
 */
public record GarchSpec(
    Variant variant, Innovation innovation, MeanModel mean, boolean varianceTargeting) {

  /** Validates the components. */
  public GarchSpec {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(innovation, "innovation");
    Objects.requireNonNull(mean, "mean");
  }

  /** Returns GARCH(1,1), normal innovations, constant mean, no targeting (arch's default). */
  public static GarchSpec garch() {
    return new GarchSpec(Variant.GARCH, Innovation.NORMAL, MeanModel.CONSTANT, false);
  }

  /** Returns GJR-GARCH(1,1,1), normal innovations, constant mean, no targeting. */
  public static GarchSpec gjr() {
    return new GarchSpec(Variant.GJR, Innovation.NORMAL, MeanModel.CONSTANT, false);
  }

  /** Returns this spec with other innovations. */
  public GarchSpec withInnovation(Innovation value) {
    return new GarchSpec(variant, value, mean, varianceTargeting);
  }

  /** Returns this spec with another mean model. */
  public GarchSpec withMean(MeanModel value) {
    return new GarchSpec(variant, innovation, value, varianceTargeting);
  }

  /** Returns this spec with variance targeting on or off. */
  public GarchSpec withVarianceTargeting(boolean value) {
    return new GarchSpec(variant, innovation, mean, value);
  }

  /** GARCH variants. */
  public enum Variant {
    /** {@code h_t = omega + alpha e_{t-1}^2 + beta h_{t-1}}. */
    GARCH,
    /** GJR: adds {@code gamma e_{t-1}^2 1[e_{t-1} < 0]}. */
    GJR
  }

  /** Innovation distributions. */
  public enum Innovation {
    /** Standard normal. */
    NORMAL,
    /** Standardized Student-t with {@code nu > 2} degrees of freedom (unit variance). */
    STUDENT_T
  }

  /** Mean models. */
  public enum MeanModel {
    /** Returns have zero mean. */
    ZERO,
    /** Returns have a constant mean {@code mu}, estimated jointly. */
    CONSTANT
  }
}
