package io.github.bsoptions.exec.spi;

import java.util.List;

/**
 * A pre-trade decision.
 *
 * @param accepted true when the order may be sent
 * @param reasons every reason for a rejection (empty when accepted)
 */
public record GateDecision(boolean accepted, List<String> reasons) {

  /** Validates the decision. */
  public GateDecision {
    reasons = List.copyOf(reasons);
    if (!accepted && reasons.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one reason");
    }
  }

  /** Accept. */
  public static GateDecision accept() {
    return new GateDecision(true, List.of());
  }

  /** Reject with reasons. */
  public static GateDecision reject(String... reasons) {
    return new GateDecision(false, List.of(reasons));
  }
}
