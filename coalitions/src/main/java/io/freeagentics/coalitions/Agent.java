package io.freeagentics.coalitions;

import java.util.Arrays;
import java.util.Locale;

/**
 * One agent as coalition formation sees it: where it is, what it can do and what it wants.
 *
 * <p>{@code cell} is an H3 cell index at the configured resolution or finer (a finer cell is bucketed under its
 * parent). {@code capabilities} is a bit set of at most 64 capabilities: bit {@code c} set means the agent has
 * capability {@code c} (build one with {@link #capabilities(int...)}). {@code preferredOutcome} is a probability
 * distribution over outcomes (from the agent model's C and beliefs, e.g. softmax of C): non-negative, no NaN,
 * summing to 1 within {@value #SUM_TOLERANCE}. All agents of one formation use the same number of outcomes.
 *
 * <p>The constructor copies the array and rejects a malformed distribution with an
 * {@link IllegalArgumentException} naming the agent and the offending value; the accessor returns a copy.
 *
 * @param id the agent's id, unique within one formation
 * @param cell the agent's H3 cell
 * @param capabilities bit set of capabilities 0..63
 * @param preferredOutcome the preferred-outcome distribution
 */
public record Agent(long id, long cell, long capabilities, double[] preferredOutcome) {
  /** Largest allowed |sum - 1| of a preferred-outcome distribution. */
  public static final double SUM_TOLERANCE = 1e-6;
  /** Capabilities are bits of a {@code long}: ids 0..63. */
  public static final int MAX_CAPABILITIES = 64;

  /** Validates and copies; see the type's documentation for the rules. */
  public Agent {
    if (preferredOutcome == null) {
      throw new IllegalArgumentException("agent " + id + ": preferredOutcome is null");
    }
    if (preferredOutcome.length == 0) {
      throw new IllegalArgumentException("agent " + id + ": preferredOutcome is empty (needs at least one outcome)");
    }
    double sum = 0;
    for (int o = 0; o < preferredOutcome.length; o++) {
      double p = preferredOutcome[o];
      if (!Double.isFinite(p) || p < 0) {
        throw new IllegalArgumentException("agent " + id + ": preferredOutcome[" + o + "] = " + p
            + " (every probability must be a finite number >= 0)");
      }
      sum += p;
    }
    if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "agent %d: preferredOutcome sums to %.9g instead of 1 (tolerance %.0e)", id, sum, SUM_TOLERANCE));
    }
    preferredOutcome = preferredOutcome.clone();
  }

  /** A copy of the preferred-outcome distribution. */
  @Override
  public double[] preferredOutcome() {
    return preferredOutcome.clone();
  }

  /** The number of outcomes of the preferred-outcome distribution. */
  public int outcomes() {
    return preferredOutcome.length;
  }

  /** Probability of outcome {@code o}, without copying the distribution. */
  public double preferredOutcome(int o) {
    return preferredOutcome[o];
  }

  /** This agent at another cell (a move). */
  public Agent withCell(long newCell) {
    return new Agent(id, newCell, capabilities, preferredOutcome);
  }

  /**
   * The capability bit set holding the given capability ids.
   *
   * @throws IllegalArgumentException when an id is outside 0..63
   */
  public static long capabilities(int... ids) {
    long mask = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= MAX_CAPABILITIES) {
        throw new IllegalArgumentException("capability ids[" + i + "] = " + ids[i] + " is outside 0.."
            + (MAX_CAPABILITIES - 1));
      }
      mask |= 1L << ids[i];
    }
    return mask;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agent a && a.id == id && a.cell == cell && a.capabilities == capabilities
        && Arrays.equals(a.preferredOutcome, preferredOutcome);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(id) * 31 + Long.hashCode(cell)) * 31 + Long.hashCode(capabilities) * 17
        + Arrays.hashCode(preferredOutcome);
  }

  @Override
  public String toString() {
    return "Agent[id=" + id + ", cell=" + Long.toHexString(cell) + ", capabilities=0x"
        + Long.toHexString(capabilities) + ", preferredOutcome=" + Arrays.toString(preferredOutcome) + "]";
  }
}
