package io.github.bsoptions.pricing.testkit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of {@link BackendConformance#check}: how many rows were compared and every mismatch
 * found.
 *
 * @param backend the backend's name
 * @param rowsChecked rows compared over all operations, models and batches
 * @param mismatches the differences outside the tolerances (empty when the backend conforms)
 */
public record ConformanceReport(String backend, long rowsChecked, List<Mismatch> mismatches) {

  /** Copies the mismatch list. */
  public ConformanceReport {
    mismatches = List.copyOf(mismatches);
  }

  /** Returns true when no mismatch was found. */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /**
   * Throws {@link AssertionError} listing the first mismatches when the backend does not conform.
   */
  public void assertPassed() {
    if (!passed()) {
      throw new AssertionError(toString());
    }
  }

  @Override
  public String toString() {
    if (passed()) {
      return "backend " + backend + " conforms (" + rowsChecked + " rows checked)";
    }
    return "backend "
        + backend
        + " has "
        + mismatches.size()
        + " mismatches in "
        + rowsChecked
        + " rows; first ones:\n  "
        + mismatches.stream().limit(20).map(Mismatch::toString).collect(Collectors.joining("\n  "));
  }
}
