package io.freeagentics.wire.internal;

import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.CodeChanges;
import io.freeagentics.wire.WireFormatException;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * One factor's codes in a belief message, in whichever of three layouts is smallest, chosen per row by a mode
 * byte. A snapshot row is a full distribution of {@code S} codes; a change row replaces some entries of a base.
 *
 * <pre>
 * snapshot row: 0 DENSE  codes[S]
 *               1 BITMAP background, bitmap[ceil(S/8)], codes[one per set bit]   (others = background)
 *               2 LIST   background, varint k, k x (varint gap, code)            (others = background)
 * change row:   0 DENSE  codes[S]                                                (replaces every entry)
 *               1 BITMAP bitmap[ceil(S/8)], codes[one per set bit]
 *               2 LIST   varint k, k x (varint gap, code)
 * </pre>
 * Bitmap bit {@code i} is bit {@code i % 8} (least significant first) of byte {@code i / 8}; padding bits are 0. A
 * list's first gap is the first index, each further gap is the distance to the previous index minus one.
 */
public final class BeliefRows {
  static final int DENSE = 0;
  static final int BITMAP = 1;
  static final int LIST = 2;

  private BeliefRows() {}

  /** The least number of bytes a snapshot row of any size takes (mode and one code). */
  public static final int MIN_SNAPSHOT_ROW_BYTES = 2;
  /** The least number of bytes a change row takes (mode and an empty list). */
  public static final int MIN_CHANGE_ROW_BYTES = 2;

  public static void writeSnapshotRow(FrameWriter out, BeliefCodes row) {
    int size = row.size();
    int background = mostFrequentCode(row);
    int exceptions = 0;
    int listBytes = 0;
    int previous = -1;
    for (int i = 0; i < size; i++) {
      if (row.code(i) != background) {
        listBytes += FrameWriter.varLongLength(i - previous - 1) + 1;
        previous = i;
        exceptions++;
      }
    }
    int dense = size;
    int bitmap = 1 + bitmapBytes(size) + exceptions;
    int list = 1 + FrameWriter.varLongLength(exceptions) + listBytes;
    if (dense <= bitmap && dense <= list) {
      out.writeByte(DENSE);
      for (int i = 0; i < size; i++) {
        out.writeByte(row.code(i));
      }
    } else if (bitmap <= list) {
      out.writeByte(BITMAP);
      out.writeByte(background);
      writeBitmap(out, size, i -> row.code(i) != background);
      for (int i = 0; i < size; i++) {
        if (row.code(i) != background) {
          out.writeByte(row.code(i));
        }
      }
    } else {
      out.writeByte(LIST);
      out.writeByte(background);
      out.writeVarLong(exceptions);
      previous = -1;
      for (int i = 0; i < size; i++) {
        if (row.code(i) != background) {
          out.writeVarLong(i - previous - 1);
          out.writeByte(row.code(i));
          previous = i;
        }
      }
    }
  }

  public static BeliefCodes readSnapshotRow(FrameReader in, String field, int size) throws WireFormatException {
    int start = in.position();
    int mode = in.readByte(field + ".mode", LIST);
    byte[] codes;
    if (mode == DENSE) {
      codes = in.readBytes(field + ".codes", size);
    } else {
      byte background = (byte) in.readByte(field + ".background");
      if (mode == BITMAP) {
        boolean[] set = readBitmap(in, field + ".bitmap", size);
        byte[] exceptions = in.readBytes(field + ".codes", countSet(set));
        codes = new byte[size];
        for (int i = 0, k = 0; i < size; i++) {
          codes[i] = set[i] ? exceptions[k++] : background;
        }
      } else {
        int count = in.readCount(field + ".count", size, 2);
        codes = new byte[size];
        Arrays.fill(codes, background);
        String entries = field + ".entries";
        int index = -1;
        for (int k = 0; k < count; k++) {
          index = nextIndex(in, entries, index, size);
          codes[index] = (byte) in.readByte(entries);
        }
      }
    }
    for (byte code : codes) {
      if (code == 0) {
        return BeliefCodes.ofCodes(codes);
      }
    }
    throw in.error(field, start, "the distribution has no code 0 (its largest entry), so it cannot sum to 1");
  }

  public static void writeChangeRow(FrameWriter out, CodeChanges row, int size) {
    int count = row.count();
    int listBytes = FrameWriter.varLongLength(count);
    int previous = -1;
    for (int k = 0; k < count; k++) {
      listBytes += FrameWriter.varLongLength(row.index(k) - previous - 1) + 1;
      previous = row.index(k);
    }
    int bitmap = bitmapBytes(size) + count;
    if (count == size && size <= bitmap && size <= listBytes) {
      out.writeByte(DENSE);
      for (int k = 0; k < count; k++) {
        out.writeByte(row.code(k));
      }
    } else if (bitmap < listBytes) {
      out.writeByte(BITMAP);
      boolean[] set = new boolean[size];
      for (int k = 0; k < count; k++) {
        set[row.index(k)] = true;
      }
      writeBitmap(out, size, i -> set[i]);
      for (int k = 0; k < count; k++) {
        out.writeByte(row.code(k));
      }
    } else {
      out.writeByte(LIST);
      out.writeVarLong(count);
      previous = -1;
      for (int k = 0; k < count; k++) {
        out.writeVarLong(row.index(k) - previous - 1);
        out.writeByte(row.code(k));
        previous = row.index(k);
      }
    }
  }

  public static CodeChanges readChangeRow(FrameReader in, String field, int size) throws WireFormatException {
    int mode = in.readByte(field + ".mode", LIST);
    int[] indices;
    byte[] codes;
    if (mode == DENSE) {
      codes = in.readBytes(field + ".codes", size);
      indices = new int[size];
      for (int i = 0; i < size; i++) {
        indices[i] = i;
      }
    } else if (mode == BITMAP) {
      boolean[] set = readBitmap(in, field + ".bitmap", size);
      int count = countSet(set);
      indices = new int[count];
      for (int i = 0, k = 0; i < size; i++) {
        if (set[i]) {
          indices[k++] = i;
        }
      }
      codes = in.readBytes(field + ".codes", count);
    } else {
      int count = in.readCount(field + ".count", size, 2);
      indices = new int[count];
      codes = new byte[count];
      String entries = field + ".entries";
      int index = -1;
      for (int k = 0; k < count; k++) {
        index = nextIndex(in, entries, index, size);
        indices[k] = index;
        codes[k] = (byte) in.readByte(entries);
      }
    }
    return CodeChanges.of(indices, codes);
  }

  private static int nextIndex(FrameReader in, String field, int previous, int size) throws WireFormatException {
    int start = in.position();
    long gap = in.readVarLong(field, 0, size);
    long index = previous + 1 + gap;
    if (index >= size) {
      throw in.error(field, start, "index " + index + " is beyond the "
          + size + " states of the factor");
    }
    return (int) index;
  }

  private static int countSet(boolean[] set) {
    int count = 0;
    for (boolean b : set) {
      count += b ? 1 : 0;
    }
    return count;
  }

  private static int bitmapBytes(int size) {
    return (size + 7) / 8;
  }

  private static void writeBitmap(FrameWriter out, int size, IntPredicate set) {
    for (int start = 0; start < size; start += 8) {
      int b = 0;
      for (int bit = 0; bit < 8 && start + bit < size; bit++) {
        if (set.test(start + bit)) {
          b |= 1 << bit;
        }
      }
      out.writeByte(b);
    }
  }

  private static boolean[] readBitmap(FrameReader in, String field, int size) throws WireFormatException {
    int start = in.position();
    byte[] bytes = in.readBytes(field, bitmapBytes(size));
    boolean[] set = new boolean[size];
    for (int i = 0; i < size; i++) {
      set[i] = (bytes[i >> 3] & (1 << (i & 7))) != 0;
    }
    int usedBits = size & 7;
    if (usedBits != 0 && (bytes[bytes.length - 1] & 0xFF) >> usedBits != 0) {
      throw in.error(field, start + bytes.length - 1, "padding bits beyond state " + (size - 1) + " must be 0");
    }
    return set;
  }

  /** The code most entries have (the smallest such code on a tie): the background of a sparse row. */
  private static int mostFrequentCode(BeliefCodes row) {
    int[] counts = new int[256];
    int best = 0;
    for (int i = 0; i < row.size(); i++) {
      counts[row.code(i)]++;
    }
    for (int c = 1; c < 256; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return best;
  }
}
