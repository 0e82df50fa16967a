package io.freeagentics.trace;

/**
 * The largest disagreement between replay and recording for one quantity ({@code qs}, {@code q_pi},
 * {@code neg_efe}, {@code p_action}, {@code vfe}, {@code final pA}, {@code final pB}): the error, whether it is
 * absolute or relative, the tolerance it is held to, and where it occurred ({@code step} -1 for final values).
 * An error of {@code Infinity} means the shapes differed, which {@code detail} explains.
 */
public record QuantityError(String quantity, double error, boolean relative, double tolerance, int step,
    String detail) {

  /** Whether the error is within the tolerance. */
  public boolean passed() {
    return error <= tolerance;
  }
}
