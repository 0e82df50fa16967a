package io.freeagentics.cloud.twin;

import io.freeagentics.wire.CommandStatus;

/** What became of a command: the cloud's own steps, then the device's acknowledgements. */
public enum CommandState {
  /** Stored, not yet handed to the broker. */
  PENDING,
  /** The broker took it; no acknowledgement from the device yet. */
  SENT,
  /** The device received it and will report the outcome. */
  ACCEPTED,
  /** The device carried it out. */
  APPLIED,
  /** The device refused it without trying (for example an invalid model). */
  REJECTED,
  /** The device tried and kept its previous state, or the broker could not take the command. */
  FAILED;

  /** The state a device's acknowledgement status stands for. */
  public static CommandState of(CommandStatus status) {
    return switch (status) {
      case ACCEPTED -> ACCEPTED;
      case APPLIED -> APPLIED;
      case REJECTED -> REJECTED;
      case FAILED -> FAILED;
    };
  }
}
