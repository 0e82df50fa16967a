package io.freeagentics.wire;

/** The kind of a wire message and its type byte in the frame header; codes are never reused across versions. */
public enum MessageType {
  BELIEF_SNAPSHOT(1),
  BELIEF_DELTA(2),
  TELEMETRY(3),
  PRESENCE(4),
  ACKNOWLEDGEMENT(5),
  COMMAND(6),
  COMMAND_ACK(7),
  DEVICE_EVENT(8);

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  /** The type byte. */
  public int code() {
    return code;
  }

  /** The type with this byte, or null when none has it. */
  public static MessageType ofCode(int code) {
    for (MessageType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return null;
  }
}
