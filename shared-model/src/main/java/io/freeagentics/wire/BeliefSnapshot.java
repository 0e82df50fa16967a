package io.freeagentics.wire;

/** A full belief batch: every agent of the device with all its distributions. */
public record BeliefSnapshot(MessageHeader header, BeliefSet beliefs) implements WireMessage {

  public BeliefSnapshot {
    if (header == null || beliefs == null) {
      throw new IllegalArgumentException("header and beliefs must not be null");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.BELIEF_SNAPSHOT;
  }
}
