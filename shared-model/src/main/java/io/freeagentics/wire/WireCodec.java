package io.freeagentics.wire;

import io.freeagentics.wire.internal.FrameCodec;

/**
 * Encodes wire messages into frames and decodes frames into messages. A frame is self-contained: magic byte,
 * format version, message type, header, body and a CRC32C checksum ({@code docs/wire-format.md}). Decoding
 * trusts nothing: every length, count, range, the version, the checksum, each belief distribution and the absence
 * of trailing bytes are checked, and nothing is allocated from a length before it is checked against the frame's
 * size, so a hostile frame costs at most time linear in its size and memory bounded by the format's limits.
 * Thread-safe (stateless).
 */
public final class WireCodec {
  /** The first byte of every frame. */
  public static final int MAGIC = FrameCodec.MAGIC;
  /** The format version this codec writes and the only one it reads. */
  public static final int VERSION = FrameCodec.VERSION;
  /** The largest frame, in bytes, either way. */
  public static final int MAX_FRAME_BYTES = FrameCodec.MAX_FRAME_BYTES;

  private WireCodec() {}

  /**
   * The frame of {@code message}.
   *
   * @throws IllegalArgumentException when the message is null or its frame would exceed {@link #MAX_FRAME_BYTES}
   */
  public static byte[] encode(WireMessage message) {
    return FrameCodec.encode(message);
  }

  /**
   * The message in {@code frame}.
   *
   * @throws WireFormatException when the frame is not a valid message of this version, naming the field and byte
   * @throws IllegalArgumentException when {@code frame} is null
   */
  public static WireMessage decode(byte[] frame) throws WireFormatException {
    return FrameCodec.decode(frame);
  }
}
