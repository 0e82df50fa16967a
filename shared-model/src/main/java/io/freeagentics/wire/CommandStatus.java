package io.freeagentics.wire;

/** What became of a command, with its byte on the wire. */
public enum CommandStatus {
  /** Received and queued; a later acknowledgement reports the outcome. */
  ACCEPTED(1),
  /** Carried out. */
  APPLIED(2),
  /** Refused without trying, for example an invalid model. */
  REJECTED(3),
  /** Tried and failed; the device kept its previous state. */
  FAILED(4);

  private final int code;

  CommandStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The status with this byte, or null when none has it. */
  public static CommandStatus ofCode(int code) {
    for (CommandStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    return null;
  }
}
