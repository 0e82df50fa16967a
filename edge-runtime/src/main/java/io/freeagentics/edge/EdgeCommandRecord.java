package io.freeagentics.edge;

import io.freeagentics.wire.CommandStatus;

/**
 * What the device did with a down-link command, as the store keeps it (table {@code command}): its id, the last
 * status acknowledged, the detail sent with it and the kind of action ({@code model-update} or
 * {@code profile-override}). A command whose id is already recorded is re-acknowledged with this status and
 * never carried out again.
 */
public record EdgeCommandRecord(long commandId, CommandStatus status, String detail, String action) {

  public EdgeCommandRecord {
    if (commandId < 0) {
      throw new IllegalArgumentException("commandId must not be negative but was " + commandId);
    }
    if (status == null || detail == null || action == null || action.isBlank()) {
      throw new IllegalArgumentException("status, detail and action must be given (command " + commandId + ")");
    }
  }
}
