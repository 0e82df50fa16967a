package io.freeagentics.coalitions.internal;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The H3 library (com.uber:h3, JNI) behind one shared instance, plus the bit-level helpers that keep it out of hot
 * loops. H3's {@code gridDisk} returns boxed {@code List<Long>}: it is called once per occupied cell and cached
 * ({@link SpatialIndex}), never per agent pair.
 */
public final class H3Cells {
  private static final int RESOLUTION_SHIFT = 52;
  private static final long RESOLUTION_MASK = 0xFL << RESOLUTION_SHIFT;

  private H3Cells() {}

  private static final class Holder {
    static final H3Core H3;

    static {
      try {
        H3 = H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the H3 native library (com.uber:h3)", e);
      }
    }
  }

  /** The shared H3 instance (thread-safe: its calls hold no state). */
  public static H3Core h3() {
    return Holder.H3;
  }

  /** The resolution field of an H3 index (no validity check). */
  public static int resolution(long cell) {
    return (int) ((cell & RESOLUTION_MASK) >>> RESOLUTION_SHIFT);
  }

  /**
   * The ancestor of a valid cell at a coarser or equal resolution, by bit manipulation (H3's cellToParent
   * without the JNI call): the resolution field set, the digits below it set to 7 (unused).
   */
  public static long parent(long cell, int resolution) {
    int own = resolution(cell);
    if (resolution == own) {
      return cell;
    }
    long unused = (1L << ((15 - resolution) * 3)) - 1;
    return (cell & ~RESOLUTION_MASK) | ((long) resolution << RESOLUTION_SHIFT) | unused;
  }

  /** Cells within {@code k} rings of {@code cell} and their grid distances, flattened. */
  static Disk disk(long cell, int k) {
    List<List<Long>> rings = h3().gridDiskDistances(cell, k);
    int count = 0;
    for (List<Long> ring : rings) {
      count += ring.size();
    }
    long[] cells = new long[count];
    byte[] distances = new byte[count];
    int n = 0;
    for (int d = 0; d < rings.size(); d++) {
      for (Long c : rings.get(d)) {
        if (c != null && c != 0L) {
          cells[n] = c;
          distances[n] = (byte) d;
          n++;
        }
      }
    }
    return new Disk(java.util.Arrays.copyOf(cells, n), java.util.Arrays.copyOf(distances, n));
  }

  /** The cells of a disk and their ring numbers. */
  record Disk(long[] cells, byte[] distances) {}
}
