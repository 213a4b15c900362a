package io.github.bsoptions.pricing.testkit;

import io.github.bsoptions.pricing.batch.BatchModel;

/**
 * One difference between a backend and the scalar reference.
 *
 * @param model the model evaluated
 * @param operation {@code price}, {@code greeks} or {@code iv}
 * @param row the batch row
 * @param column the output that differs ({@code status}, {@code price}, {@code delta}, ...)
 * @param expected the reference value (a status code for {@code status})
 * @param actual the backend's value
 * @param inputs the row's inputs, for the report
 */
public record Mismatch(
    BatchModel model,
    String operation,
    int row,
    String column,
    double expected,
    double actual,
    String inputs) {

  @Override
  public String toString() {
    return model
        + " "
        + operation
        + " row "
        + row
        + " "
        + column
        + ": expected "
        + expected
        + ", was "
        + actual
        + " ("
        + inputs
        + ")";
  }
}
