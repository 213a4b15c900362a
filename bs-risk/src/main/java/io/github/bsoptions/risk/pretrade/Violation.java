package io.github.bsoptions.risk.pretrade;

import java.util.Locale;

/**
 * One breached rule.
 *
 * @param rule the rule (its name is the reason code)
 * @param subject what breached it (an underlying, a leg symbol, {@code order} or {@code book})
 * @param value the measured value (absolute where the limit is on a magnitude)
 * @param limit the limit it exceeded
 */
public record Violation(Rule rule, String subject, double value, double limit) {

  /** Returns a one-line message, e.g. {@code PORTFOLIO_VEGA(book): 5200.00 > 5000.00}. */
  public String message() {
    return String.format(Locale.ROOT, "%s(%s): %.2f > %.2f", rule, subject, value, limit);
  }
}
