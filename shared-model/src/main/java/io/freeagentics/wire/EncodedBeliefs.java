package io.freeagentics.wire;

/**
 * A belief batch ready to send: the message chosen ({@link BeliefSnapshot} or {@link BeliefDelta}) and its frame.
 */
public record EncodedBeliefs(WireMessage message, byte[] frame) {

  public EncodedBeliefs {
    if (!(message instanceof BeliefSnapshot || message instanceof BeliefDelta)) {
      throw new IllegalArgumentException("message must be a belief snapshot or delta but was " + message);
    }
    if (frame == null) {
      throw new IllegalArgumentException("frame must not be null");
    }
    frame = frame.clone();
  }

  /** A copy of the frame. */
  @Override
  public byte[] frame() {
    return frame.clone();
  }

  /** The frame's size in bytes. */
  public int size() {
    return frame.length;
  }

  public boolean isDelta() {
    return message instanceof BeliefDelta;
  }
}
