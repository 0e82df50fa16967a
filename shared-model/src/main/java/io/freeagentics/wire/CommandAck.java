package io.freeagentics.wire;

import io.freeagentics.wire.internal.WireText;

/** A device's answer to command {@code commandId}, with a human-readable detail (possibly empty). */
public record CommandAck(MessageHeader header, long commandId, CommandStatus status, String detail)
    implements WireMessage {
  /** The longest detail in UTF-8 bytes. */
  public static final int MAX_DETAIL_BYTES = 512;

  public CommandAck {
    if (header == null || status == null || detail == null) {
      throw new IllegalArgumentException("header, status and detail must not be null");
    }
    if (commandId < 0) {
      throw new IllegalArgumentException("commandId must not be negative but was " + commandId);
    }
    if (WireText.utf8(detail) == null || WireText.utf8(detail).length > MAX_DETAIL_BYTES) {
      throw new IllegalArgumentException("detail must have at most " + MAX_DETAIL_BYTES + " UTF-8 bytes (well-formed text)");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.COMMAND_ACK;
  }
}
