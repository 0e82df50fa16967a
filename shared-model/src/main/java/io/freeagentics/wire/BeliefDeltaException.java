package io.freeagentics.wire;

import io.freeagentics.model.ModelInputException;

/**
 * A belief delta that does not fit the snapshot it is applied to: another base sequence, other factor sizes, or
 * an agent the base lacks without all its entries. The receiver should ask for a full snapshot.
 */
public final class BeliefDeltaException extends ModelInputException {
  private static final long serialVersionUID = 1L;

  public BeliefDeltaException(String message) {
    super(message);
  }
}
