package io.freeagentics.coalitions.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Agents bucketed by H3 cell at the formation's resolution. Each bucket caches its disk (the cells within k rings
 * and their distances), computed once when the bucket is created and kept while the cell stays known, so H3 is
 * called once per occupied cell, not per agent. Buckets are never deleted (an emptied bucket keeps its disk for the
 * next agent that arrives there).
 */
final class SpatialIndex {
  private final int k;
  private final LongIntHashMap bucketOfCell;
  private long[] cell;
  private int[][] members;
  private int[] count;
  private long[][] diskCells;
  private byte[][] diskDistances;
  private int buckets;

  SpatialIndex(int k, int expectedCells) {
    this.k = k;
    int c = Math.max(16, expectedCells);
    bucketOfCell = new LongIntHashMap(c);
    cell = new long[c];
    members = new int[c][];
    count = new int[c];
    diskCells = new long[c][];
    diskDistances = new byte[c][];
  }

  int bucketCount() {
    return buckets;
  }

  int bucketOf(long h3Cell) {
    return bucketOfCell.get(h3Cell);
  }

  long cell(int bucket) {
    return cell[bucket];
  }

  int count(int bucket) {
    return count[bucket];
  }

  int[] members(int bucket) {
    return members[bucket];
  }

  long[] diskCells(int bucket) {
    return diskCells[bucket];
  }

  byte[] diskDistances(int bucket) {
    return diskDistances[bucket];
  }

  /** Adds {@code slot} to the bucket of {@code h3Cell}, creating the bucket (without its disk) if needed. */
  int add(int slot, long h3Cell) {
    int b = bucketOfCell.get(h3Cell);
    if (b < 0) {
      b = buckets++;
      if (b == cell.length) {
        int c = cell.length * 2;
        cell = Arrays.copyOf(cell, c);
        members = Arrays.copyOf(members, c);
        count = Arrays.copyOf(count, c);
        diskCells = Arrays.copyOf(diskCells, c);
        diskDistances = Arrays.copyOf(diskDistances, c);
      }
      cell[b] = h3Cell;
      members[b] = new int[4];
      bucketOfCell.put(h3Cell, b);
    }
    if (count[b] == members[b].length) {
      members[b] = Arrays.copyOf(members[b], members[b].length * 2);
    }
    members[b][count[b]++] = slot;
    return b;
  }

  void remove(int slot, int bucket) {
    int[] m = members[bucket];
    int n = count[bucket];
    for (int i = 0; i < n; i++) {
      if (m[i] == slot) {
        m[i] = m[n - 1];
        count[bucket] = n - 1;
        return;
      }
    }
    throw new IllegalStateException("slot " + slot + " is not in bucket " + bucket);
  }

  /** Computes the missing disks (in parallel when {@code parallel}; H3 calls are independent). */
  void computeDisks(boolean parallel) {
    IntStream range = IntStream.range(0, buckets).filter(b -> diskCells[b] == null);
    if (parallel) {
      range = range.parallel();
    }
    range.forEach(b -> {
      H3Cells.Disk disk = H3Cells.disk(cell[b], k);
      diskDistances[b] = disk.distances();
      diskCells[b] = disk.cells();
    });
  }

  /** The disk of one bucket, computed now if missing. */
  void ensureDisk(int bucket) {
    if (diskCells[bucket] == null) {
      H3Cells.Disk disk = H3Cells.disk(cell[bucket], k);
      diskDistances[bucket] = disk.distances();
      diskCells[bucket] = disk.cells();
    }
  }
}
