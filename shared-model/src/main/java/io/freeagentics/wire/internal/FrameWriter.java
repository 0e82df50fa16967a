package io.freeagentics.wire.internal;

import io.freeagentics.wire.MessageHeader;
import java.util.Arrays;

/** A growing byte buffer with the format's primitives: bytes, unsigned and zig-zag varints, strings, tokens. */
public final class FrameWriter {
  private byte[] buffer = new byte[256];
  private int size;

  public int size() {
    return size;
  }

  public void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  public void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  /** LEB128: seven bits per byte, least significant first, high bit set on all but the last byte. */
  public void writeVarLong(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    buffer[size++] = (byte) rest;
  }

  /** A signed value as an unsigned varint of {@code (v << 1) ^ (v >> 63)}. */
  public void writeZigZag(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  /** The number of bytes {@link #writeVarLong} takes for {@code value}. */
  public static int varLongLength(long value) {
    int length = 1;
    long rest = value >>> 7;
    while (rest != 0) {
      length++;
      rest >>>= 7;
    }
    return length;
  }

  /**
   * A varint byte count and the UTF-8 bytes of {@code text}.
   *
   * @throws IllegalArgumentException when the text has no UTF-8 form or is longer than {@code maxBytes}
   */
  public void writeUtf8(String what, String text, int maxBytes) {
    byte[] bytes = WireText.utf8(text);
    if (bytes == null || bytes.length > maxBytes) {
      throw new IllegalArgumentException(what + " must be valid text of at most " + maxBytes + " UTF-8 bytes");
    }
    writeVarLong(bytes.length);
    writeBytes(bytes);
  }

  /** An identifier token (checked by the record that holds it): one length byte and its ASCII characters. */
  public void writeToken(String token) {
    if (MessageHeader.deviceIdProblem(token) != null) {
      throw new IllegalArgumentException("token '" + token + "' is not an identifier");
    }
    writeByte(token.length());
    ensure(token.length());
    for (int i = 0; i < token.length(); i++) {
      buffer[size++] = (byte) token.charAt(i);
    }
  }

  /** Writes {@code value} as four big-endian bytes. */
  public void writeInt32(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  /** The bytes written so far, as seen by a checksum. */
  byte[] array() {
    return buffer;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
