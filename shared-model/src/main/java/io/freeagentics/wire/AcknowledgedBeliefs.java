package io.freeagentics.wire;

/**
 * The beliefs the cloud holds for a device after acknowledging message {@code sequence}: the snapshot it sent, or
 * the result of {@link BeliefDelta#applyTo} for a delta. A device keeps this as the base of its next delta.
 */
public record AcknowledgedBeliefs(long sequence, BeliefSet beliefs) {

  public AcknowledgedBeliefs {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative but was " + sequence);
    }
    if (beliefs == null) {
      throw new IllegalArgumentException("beliefs must not be null");
    }
  }
}
