package io.freeagentics.wire;

/**
 * The receiver has stored the message with {@code acknowledgedSequence} from the device in the header; an
 * acknowledged belief snapshot (or delta, as reconstructed) becomes the base of the device's next delta.
 */
public record Acknowledgement(MessageHeader header, long acknowledgedSequence) implements WireMessage {

  public Acknowledgement {
    if (header == null) {
      throw new IllegalArgumentException("header must not be null");
    }
    if (acknowledgedSequence < 0) {
      throw new IllegalArgumentException("acknowledgedSequence must not be negative but was " + acknowledgedSequence);
    }
  }

  @Override
  public MessageType type() {
    return MessageType.ACKNOWLEDGEMENT;
  }
}
