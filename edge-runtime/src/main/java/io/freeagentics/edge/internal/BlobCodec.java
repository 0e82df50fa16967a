package io.freeagentics.edge.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Compact little-endian encodings of the arrays the store keeps as BLOBs. Layouts: an int array is its length
 * (int32) followed by the values (int32); a belief array is the factor count (int32), then per factor its length
 * (int32) and its values (float32). Decoding checks that lengths fit the blob and that nothing is left over.
 */
public final class BlobCodec {
  private static final int INT_BYTES = 4;

  private BlobCodec() {}

  public static byte[] encodeInts(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(INT_BYTES * (1 + values.length)).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(values.length);
    for (int value : values) {
      buffer.putInt(value);
    }
    return buffer.array();
  }

  /** @throws IllegalArgumentException when the blob is not an encoded int array */
  public static int[] decodeInts(byte[] blob) {
    ByteBuffer buffer = wrap(blob);
    int[] values = new int[readLength(buffer, INT_BYTES, "int array")];
    for (int i = 0; i < values.length; i++) {
      values[i] = buffer.getInt();
    }
    requireConsumed(buffer, "int array");
    return values;
  }

  public static byte[] encodeBeliefs(float[][] beliefs) {
    int size = INT_BYTES;
    for (float[] factor : beliefs) {
      size += INT_BYTES * (1 + factor.length);
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(beliefs.length);
    for (float[] factor : beliefs) {
      buffer.putInt(factor.length);
      for (float p : factor) {
        buffer.putFloat(p);
      }
    }
    return buffer.array();
  }

  /** @throws IllegalArgumentException when the blob is not an encoded belief array */
  public static float[][] decodeBeliefs(byte[] blob) {
    ByteBuffer buffer = wrap(blob);
    float[][] beliefs = new float[readLength(buffer, INT_BYTES, "belief array")][];
    for (int f = 0; f < beliefs.length; f++) {
      beliefs[f] = new float[readLength(buffer, INT_BYTES, "beliefs of factor " + f)];
      for (int s = 0; s < beliefs[f].length; s++) {
        beliefs[f][s] = buffer.getFloat();
      }
    }
    requireConsumed(buffer, "belief array");
    return beliefs;
  }

  private static ByteBuffer wrap(byte[] blob) {
    if (blob == null) {
      throw new IllegalArgumentException("blob must not be null");
    }
    return ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int readLength(ByteBuffer buffer, int elementBytes, String what) {
    if (buffer.remaining() < INT_BYTES) {
      throw new IllegalArgumentException(what + ": blob ends before its length");
    }
    int length = buffer.getInt();
    if (length < 0 || (long) length * elementBytes > buffer.remaining()) {
      throw new IllegalArgumentException(what + ": length " + length + " does not fit the "
          + buffer.remaining() + " bytes left in the blob");
    }
    return length;
  }

  private static void requireConsumed(ByteBuffer buffer, String what) {
    if (buffer.hasRemaining()) {
      throw new IllegalArgumentException(what + ": " + buffer.remaining() + " bytes left over in the blob");
    }
  }
}
