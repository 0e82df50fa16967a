package io.freeagentics.wire.internal;

import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireFormatException;
import java.nio.charset.CharacterCodingException;

/**
 * A cursor over {@code data[0 .. end)} that reads the format's primitives and fails with a {@link
 * WireFormatException} naming the field and its offset. Invariant: nothing is allocated from a length or count
 * before it is checked against the bytes left, and every loop is bounded by those bytes.
 */
public final class FrameReader {
  private static final int MAX_VARINT_BYTES = 10;

  private final byte[] data;
  private final int end;
  private int position;

  public FrameReader(byte[] data, int start, int end) {
    this.data = data;
    this.position = start;
    this.end = end;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return end - position;
  }

  public WireFormatException error(String field, int offset, String problem) {
    return new WireFormatException(field, offset, problem);
  }

  public int readByte(String field) throws WireFormatException {
    if (position >= end) {
      throw error(field, position, "the frame ends before this byte");
    }
    return data[position++] & 0xFF;
  }

  /** A byte that must be one of {@code 0 .. max}. */
  public int readByte(String field, int max) throws WireFormatException {
    int start = position;
    int value = readByte(field);
    if (value > max) {
      throw error(field, start, "must be 0 to " + max + " but is " + value);
    }
    return value;
  }

  /** An unsigned LEB128 varint, at most ten bytes, in minimal form, as 64 raw bits. */
  public long readRawVarLong(String field) throws WireFormatException {
    int start = position;
    long value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      if (position >= end) {
        throw error(field, start, "the frame ends inside this varint");
      }
      int b = data[position++] & 0xFF;
      if (i == MAX_VARINT_BYTES - 1 && b > 1) {
        throw error(field, start, "varint exceeds 64 bits");
      }
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw error(field, start, "varint is not in its shortest form");
        }
        return value;
      }
    }
    throw error(field, start, "varint is longer than " + MAX_VARINT_BYTES + " bytes");
  }

  /** A varint whose value must be in {@code [min, max]} ({@code min} not negative). */
  public long readVarLong(String field, long min, long max) throws WireFormatException {
    int start = position;
    long value = readRawVarLong(field);
    if (value < min || value > max) {
      throw error(field, start, "must be " + min + " to " + max + " but is " + Long.toUnsignedString(value));
    }
    return value;
  }

  public int readVarInt(String field, int min, int max) throws WireFormatException {
    return (int) readVarLong(field, min, max);
  }

  /** A zig-zag varint: any signed 64-bit value. */
  public long readZigZag(String field) throws WireFormatException {
    long raw = readRawVarLong(field);
    return (raw >>> 1) ^ -(raw & 1);
  }

  /**
   * A count of items each of which takes at least {@code minBytesEach} bytes: at most {@code max}, and small
   * enough for the bytes left, so it is safe to allocate for.
   */
  public int readCount(String field, int max, int minBytesEach) throws WireFormatException {
    int start = position;
    int count = readVarInt(field, 0, max);
    if ((long) count * minBytesEach > remaining()) {
      throw error(field, start, count + " items need at least " + (long) count * minBytesEach + " bytes but "
          + remaining() + " are left");
    }
    return count;
  }

  /** The next {@code length} bytes, copied. */
  public byte[] readBytes(String field, int length) throws WireFormatException {
    if (length > remaining()) {
      throw error(field, position, length + " bytes needed but " + remaining() + " are left");
    }
    byte[] bytes = new byte[length];
    System.arraycopy(data, position, bytes, 0, length);
    position += length;
    return bytes;
  }

  /** A varint byte count (at most {@code maxBytes}) and that many bytes of strict UTF-8. */
  public String readUtf8(String field, int maxBytes) throws WireFormatException {
    int start = position;
    int length = readVarInt(field + ".length", 0, maxBytes);
    if (length > remaining()) {
      throw error(field, start, length + " bytes of text announced but " + remaining() + " are left");
    }
    try {
      String text = WireText.decode(data, position, length);
      position += length;
      return text;
    } catch (CharacterCodingException e) {
      throw new WireFormatException(field, start, "is not valid UTF-8", e);
    }
  }

  /** An identifier token: one length byte (1 to 64) and that many characters of {@code [A-Za-z0-9._-]}. */
  public String readToken(String field) throws WireFormatException {
    int start = position;
    int length = readByte(field + ".length");
    if (length < 1 || length > MessageHeader.MAX_DEVICE_ID_LENGTH) {
      throw error(field, start, "must have 1 to " + MessageHeader.MAX_DEVICE_ID_LENGTH + " characters but has "
          + length);
    }
    if (length > remaining()) {
      throw error(field, start, length + " characters announced but " + remaining() + " bytes are left");
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      int c = data[position] & 0xFF;
      if (!MessageHeader.isIdCharacter(c)) {
        throw error(field, position, "byte " + c + " is not one of A-Z, a-z, 0-9, '.', '_', '-'");
      }
      chars[i] = (char) c;
      position++;
    }
    return new String(chars);
  }

  /** Fails unless every byte has been read. */
  public void expectEnd(String field) throws WireFormatException {
    if (position != end) {
      throw error(field, position, (end - position) + " unexpected trailing bytes");
    }
  }
}
