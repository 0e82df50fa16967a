package io.freeagentics.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Reads the heap in use after garbage collection, for memory-per-agent figures: collects with
 * {@link System#gc()} until two consecutive readings differ by at most {@link #STABLE_BYTES} (or the round budget
 * is spent, which the reading reports as unstable rather than hiding it).
 */
public final class HeapMeter {
  /** Two readings this close count as the same heap. */
  static final long STABLE_BYTES = 64 * 1024;
  private static final int MAX_ROUNDS = 20;

  /** Heap bytes in use and whether consecutive collections agreed on it. */
  public record Reading(long usedBytes, boolean stable) {}

  private HeapMeter() {}

  public static Reading usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = -1;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (previous >= 0 && Math.abs(used - previous) <= STABLE_BYTES) {
        return new Reading(Math.min(used, previous), true);
      }
      previous = used;
    }
    return new Reading(previous, false);
  }
}
