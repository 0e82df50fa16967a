package io.freeagentics.cloud.beliefs;

import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of one agent's beliefs at one tick (column {@code belief_history.codes}): the 8-bit codes the
 * device sent ({@code io.freeagentics.quant.LogCodec}), kept as they are, so the cloud stores exactly what it
 * received and decodes probabilities only when read.
 *
 * <pre>
 * byte    F                  number of factors, 1..16
 * F x factor:
 *   varint  S                states, 1..65536
 *   byte    mode             0 DENSE: S codes
 *                            1 LIST:  byte background, varint k (1..S), k x (varint gap, byte code)
 * </pre>
 *
 * In a LIST row every entry not listed has the background code; the first gap is the first index, each later gap
 * the distance from the previous index minus one. The encoder picks the shorter mode, so a settled grid:5 belief
 * (one cell near 1, 24 cells at the same tiny value) takes 7 bytes instead of 28. Varints are unsigned LEB128 in
 * shortest form, as in the wire format.
 */
public final class StoredBeliefs {
  private static final int DENSE = 0;
  private static final int LIST = 1;

  private StoredBeliefs() {
  }

  /** The stored form of one agent's distributions, in factor order. */
  public static byte[] encode(List<BeliefCodes> factors) {
    if (factors == null || factors.isEmpty() || factors.size() > BeliefSet.MAX_FACTORS) {
      throw new IllegalArgumentException("factors must hold 1 to " + BeliefSet.MAX_FACTORS + " distributions but was "
          + (factors == null ? null : factors.size()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 8 * factors.size());
    out.write(factors.size());
    for (BeliefCodes factor : factors) {
      byte[] codes = factor.codes();
      writeVarint(out, codes.length);
      int background = mostFrequent(codes);
      int listed = 0;
      int listBytes = 0;
      int previous = -1;
      for (int i = 0; i < codes.length; i++) {
        if ((codes[i] & 0xFF) != background) {
          listed++;
          listBytes += varintSize(i - previous - 1) + 1;
          previous = i;
        }
      }
      if (listed > 0 && 2 + varintSize(listed) + listBytes < codes.length) {
        out.write(LIST);
        out.write(background);
        writeVarint(out, listed);
        previous = -1;
        for (int i = 0; i < codes.length; i++) {
          if ((codes[i] & 0xFF) != background) {
            writeVarint(out, i - previous - 1);
            out.write(codes[i]);
            previous = i;
          }
        }
      } else {
        out.write(DENSE);
        out.write(codes, 0, codes.length);
      }
    }
    return out.toByteArray();
  }

  /**
   * The distributions of a stored form.
   *
   * @throws StoredBeliefsException naming the factor, field and byte offset when the bytes are not a valid stored
   *     form (truncated, trailing bytes, a count out of range, an index beyond the states, or no code 0)
   */
  public static List<BeliefCodes> decode(byte[] stored) throws StoredBeliefsException {
    Reader in = new Reader(stored);
    int numFactors = in.u8("factors");
    if (numFactors < 1 || numFactors > BeliefSet.MAX_FACTORS) {
      throw in.fail("factors", "holds " + numFactors + " factors; 1 to " + BeliefSet.MAX_FACTORS + " allowed");
    }
    List<BeliefCodes> factors = new ArrayList<>(numFactors);
    for (int f = 0; f < numFactors; f++) {
      String where = "factors[" + f + "]";
      long states = in.varint(where + ".states");
      if (states < 1 || states > BeliefCodes.MAX_STATES) {
        throw in.fail(where + ".states", "is " + states + "; 1 to " + BeliefCodes.MAX_STATES + " allowed");
      }
      int size = (int) states;
      int mode = in.u8(where + ".mode");
      byte[] codes = new byte[size];
      if (mode == DENSE) {
        in.bytes(where + ".codes", codes);
      } else if (mode == LIST) {
        byte background = (byte) in.u8(where + ".background");
        long count = in.varint(where + ".count");
        if (count < 1 || count > size || count * 2 > in.remaining()) {
          throw in.fail(where + ".count", "is " + count + " but the row has " + size + " states and "
              + in.remaining() + " bytes are left");
        }
        java.util.Arrays.fill(codes, background);
        long index = -1;
        for (int i = 0; i < count; i++) {
          index += in.varint(where + ".gap") + 1;
          if (index >= size) {
            throw in.fail(where + ".gap", "index " + index + " is beyond the " + size + " states");
          }
          codes[(int) index] = (byte) in.u8(where + ".code");
        }
      } else {
        throw in.fail(where + ".mode", "unknown mode " + mode);
      }
      try {
        factors.add(BeliefCodes.ofCodes(codes));
      } catch (IllegalArgumentException e) {
        throw in.fail(where, e.getMessage());
      }
    }
    if (in.remaining() != 0) {
      throw in.fail("end", in.remaining() + " trailing bytes");
    }
    return factors;
  }

  /** The probabilities of each factor of a stored form. */
  public static List<double[]> probabilities(byte[] stored) throws StoredBeliefsException {
    return decode(stored).stream().map(BeliefCodes::probabilities).toList();
  }

  private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[256]);

  /** The code that occurs most often (the first to reach the highest count). */
  private static int mostFrequent(byte[] codes) {
    int[] counts = COUNTS.get();
    int best = codes[0] & 0xFF;
    for (byte b : codes) {
      int c = b & 0xFF;
      if (++counts[c] > counts[best]) {
        best = c;
      }
    }
    for (byte b : codes) {
      counts[b & 0xFF] = 0;
    }
    return best;
  }

  private static int varintSize(long value) {
    int size = 1;
    while ((value >>>= 7) != 0) {
      size++;
    }
    return size;
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  /** Bounds-checked reading of a stored form. */
  private static final class Reader {
    private final byte[] bytes;
    private int position;
    private int fieldStart;

    Reader(byte[] bytes) throws StoredBeliefsException {
      if (bytes == null) {
        throw new StoredBeliefsException("stored beliefs are null");
      }
      this.bytes = bytes;
    }

    int remaining() {
      return bytes.length - position;
    }

    int u8(String field) throws StoredBeliefsException {
      fieldStart = position;
      if (position >= bytes.length) {
        throw fail(field, "truncated after " + bytes.length + " bytes");
      }
      return bytes[position++] & 0xFF;
    }

    void bytes(String field, byte[] into) throws StoredBeliefsException {
      fieldStart = position;
      if (remaining() < into.length) {
        throw fail(field, "needs " + into.length + " bytes but " + remaining() + " are left");
      }
      System.arraycopy(bytes, position, into, 0, into.length);
      position += into.length;
    }

    long varint(String field) throws StoredBeliefsException {
      fieldStart = position;
      long value = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        if (position >= bytes.length) {
          throw fail(field, "truncated varint");
        }
        int b = bytes[position++] & 0xFF;
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          if (b == 0 && shift > 0) {
            throw fail(field, "varint not in shortest form");
          }
          return value;
        }
      }
      throw fail(field, "varint longer than 5 bytes");
    }

    StoredBeliefsException fail(String field, String problem) {
      return new StoredBeliefsException("stored beliefs field '" + field + "' at byte " + fieldStart + ": " + problem);
    }
  }
}
