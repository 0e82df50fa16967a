package io.freeagentics.wire;

/**
 * A down-link instruction to the device in the header; the device answers with a {@link CommandAck} naming
 * {@code commandId}, so the cloud can retry until it hears back.
 */
public record Command(MessageHeader header, long commandId, CommandAction action) implements WireMessage {

  public Command {
    if (header == null || action == null) {
      throw new IllegalArgumentException("header and action must not be null");
    }
    if (commandId < 0) {
      throw new IllegalArgumentException("commandId must not be negative but was " + commandId);
    }
  }

  @Override
  public MessageType type() {
    return MessageType.COMMAND;
  }
}
