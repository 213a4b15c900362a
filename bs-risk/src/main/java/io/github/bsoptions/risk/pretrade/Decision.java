package io.github.bsoptions.risk.pretrade;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a pre-trade check: approved when no rule is breached, otherwise denied with every
 * violation (not only the first).
 *
 * @param clientOrderId the order checked
 * @param violations every breached rule; empty when approved
 */
public record Decision(String clientOrderId, List<Violation> violations) {

  /** Copies the violations. */
  public Decision {
    violations = List.copyOf(violations);
  }

  /** Returns true when no rule is breached. */
  public boolean approved() {
    return violations.isEmpty();
  }

  /** Returns true when {@code rule} is among the violations. */
  public boolean breached(Rule rule) {
    for (Violation v : violations) {
      if (v.rule() == rule) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code APPROVED} or {@code DENIED: } followed by every violation's message. */
  public String reason() {
    if (approved()) {
      return "APPROVED";
    }
    return "DENIED: "
        + violations.stream().map(Violation::message).collect(Collectors.joining("; "));
  }
}
