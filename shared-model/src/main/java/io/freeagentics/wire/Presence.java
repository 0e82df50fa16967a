package io.freeagentics.wire;

/** A device coming online or going offline (also the payload of its MQTT last will). */
public record Presence(MessageHeader header, boolean online) implements WireMessage {

  public Presence {
    if (header == null) {
      throw new IllegalArgumentException("header must not be null");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.PRESENCE;
  }
}
