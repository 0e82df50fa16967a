package io.freeagentics.trace;

import java.util.List;

/** The outcome of replaying one trace: the largest error of every recorded quantity. */
public record ReplayReport(String traceName, int steps, List<QuantityError> errors) {
  public ReplayReport {
    errors = List.copyOf(errors);
  }

  /** Whether every quantity is within its tolerance. */
  public boolean passed() {
    return errors.stream().allMatch(QuantityError::passed);
  }
}
