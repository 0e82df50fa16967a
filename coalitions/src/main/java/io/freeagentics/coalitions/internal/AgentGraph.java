package io.freeagentics.coalitions.internal;

import java.util.Arrays;

/**
 * The sparse pair graph: for every agent slot, the agents within k rings with a non-zero pair weight, and those
 * weights. Symmetric (every edge is stored at both ends). All lists live in two large arrays (an arena): agent s
 * holds {@code nbr[start .. start + degree)} (both read from {@link #sd}) and the same range of {@code w}, with
 * room for {@code cap[s]} entries. A full formation lays the lists out in slot order with some slack, so the
 * whole graph is a handful of objects (no per-agent garbage for the collector to copy) read mostly in order.
 *
 * <p>An incremental round that outgrows a list moves it to a free block: the blocks that lists leave behind (and
 * those of agents that left) are kept in free lists by size class (4 classes per doubling, a block filed under the
 * largest class it holds) and reused before the arena's unused end is touched. Without that reuse the holes were
 * never reclaimed: with 1% of 100,000 agents moving per round the arena ran full after 15 rounds and was copied 1.5
 * times larger (70 MB in one round: the rare slow rounds of docs/coalitions.md), and again about 135 rounds later;
 * now it grows only when the lists in use need more room than it has.
 */
final class AgentGraph {
  /**
   * Start and length of every list, interleaved ({@code sd[2s]} = start of s, {@code sd[2s + 1]} = its degree) so
   * that reaching a list costs one cache line, not two.
   */
  int[] sd;
  int[] cap;
  int[] nbr;
  double[] w;
  private int top;

  AgentGraph(int capacity) {
    sd = new int[2 * capacity];
    cap = new int[capacity];
    nbr = new int[16];
    w = new double[16];
  }

  void ensureCapacity(int capacity) {
    if (capacity > cap.length) {
      sd = Arrays.copyOf(sd, 2 * capacity);
      cap = Arrays.copyOf(cap, capacity);
    }
  }

  /**
   * Lays out empty lists for slots 0..slots-1 (a full formation), each with room for at least its entry of
   * {@code capacities}, rounded up to its size class (so that a block it leaves behind fits the next list of that
   * class exactly).
   */
  void layout(int[] capacities, int slots) {
    long total = 0;
    for (int s = 0; s < slots; s++) {
      capacities[s] = classSize(classUp(capacities[s]));
      total += capacities[s];
    }
    // Room for lists that outgrow their place during incremental rounds: a list's room is the most it has held
    // since its agent last moved, so the room in use creeps up to a plateau (with 1% of 100,000 agents moving per
    // round, from 3.90 million entries to 4.37 million by round 375, unchanged to round 600: 12% above the layout;
    // a quarter is kept).
    long size = total + (total >> 2) + 16;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("pair graph of " + total + " entries is too large");
    }
    if (nbr.length < size) {
      nbr = new int[(int) size];
      w = new double[(int) size];
    }
    int at = 0;
    for (int s = 0; s < slots; s++) {
      sd[2 * s] = at;
      cap[s] = capacities[s];
      sd[2 * s + 1] = 0;
      at += capacities[s];
    }
    top = at;
    freeBlocks = new int[0][];
    freeCount = new int[0];
  }

  /** Gives slot {@code s} an empty list of room {@code capacity} or more (a reused block or the arena's end). */
  void allocate(int s, int capacity) {
    place(s, capacity);
    sd[2 * s + 1] = 0;
  }

  /**
   * Gives the list of {@code s} a block of the size class of {@code capacity}, moving it (with its entries) when its
   * block is smaller or of a larger class. An agent that moved takes a block that fits its new
   * neighbourhood and frees the old one: the blocks freed by lists that grew are taken again by agents moving to a
   * sparser place, so the free lists stay balanced and the arena stops growing.
   */
  void fit(int s, int capacity) {
    int c = cap[s];
    if (c < capacity || (c >= 4 && classDown(c) > classUp(capacity))) {
      relocate(s, capacity);
    }
  }

  /** Frees the block of {@code s} (an agent that left): its list must be empty of edges at the other ends. */
  void release(int s) {
    free(sd[2 * s], cap[s]);
    sd[2 * s] = 0;
    sd[2 * s + 1] = 0;
    cap[s] = 0;
  }

  /**
   * For the trace: lists moved to another block and arena growths (copies) since the last call, the arena's used
   * end and its length.
   */
  long[] takeCounters() {
    long[] c = {relocations, growths, top, nbr.length};
    relocations = 0;
    growths = 0;
    return c;
  }

  private long relocations;
  private long growths;

  /** Size classes: 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, ... (4 per doubling). */
  static int classSize(int c) {
    return (4 + (c & 3)) << (c >> 2);
  }

  /** The smallest class holding {@code n} entries. */
  static int classUp(int n) {
    int c = 0;
    while (classSize(c) < n) {
      c++;
    }
    return c;
  }

  /** The largest class a block of {@code n >= 4} entries holds. */
  static int classDown(int n) {
    int c = classUp(n);
    return classSize(c) == n ? c : c - 1;
  }

  private int[][] freeBlocks = new int[0][];
  private int[] freeCount = new int[0];

  private void free(int start, int capacity) {
    if (capacity < 4) {
      return;
    }
    int c = classDown(capacity);
    if (c >= freeCount.length) {
      freeBlocks = Arrays.copyOf(freeBlocks, c + 1);
      freeCount = Arrays.copyOf(freeCount, c + 1);
    }
    int[] blocks = freeBlocks[c];
    if (blocks == null) {
      blocks = freeBlocks[c] = new int[16];
    } else if (freeCount[c] == blocks.length) {
      blocks = freeBlocks[c] = Arrays.copyOf(blocks, blocks.length * 2);
    }
    blocks[freeCount[c]++] = start;
  }

  /** Points the list of {@code s} at a block of room {@code capacity} or more; its old block is left as it is. */
  private void place(int s, int capacity) {
    int c = classUp(capacity);
    // The smallest free block that fits, of any class: a larger one is better used than new room at the end, and it
    // keeps its class (cap) when it is freed again.
    for (int cc = c; cc < freeCount.length; cc++) {
      if (freeCount[cc] > 0) {
        sd[2 * s] = freeBlocks[cc][--freeCount[cc]];
        cap[s] = classSize(cc);
        return;
      }
    }
    int room = classSize(c);
    ensureArena(room);
    sd[2 * s] = top;
    cap[s] = room;
    top += room;
  }

  private void relocate(int s, int capacity) {
    int oldStart = sd[2 * s];
    int oldCap = cap[s];
    int n = sd[2 * s + 1];
    place(s, capacity);
    System.arraycopy(nbr, oldStart, nbr, sd[2 * s], n);
    System.arraycopy(w, oldStart, w, sd[2 * s], n);
    free(oldStart, oldCap);
    relocations++;
  }

  private void ensureArena(int extra) {
    if (top + extra > nbr.length) {
      long grown = Math.max((long) top + extra, (long) nbr.length + (nbr.length >> 1) + 16);
      int size = (int) Math.min(Integer.MAX_VALUE - 16, grown);
      nbr = Arrays.copyOf(nbr, size);
      w = Arrays.copyOf(w, size);
      growths++;
    }
  }

  void add(int s, int j, double weight) {
    int n = sd[2 * s + 1];
    if (n == cap[s]) {
      relocate(s, n + 1);
    }
    int at = sd[2 * s] + n;
    nbr[at] = j;
    w[at] = weight;
    sd[2 * s + 1] = n + 1;
  }

  /** Removes the edge to {@code j} from the list of {@code s} (order not kept). */
  void remove(int s, int j) {
    int base = sd[2 * s];
    int last = base + sd[2 * s + 1] - 1;
    for (int e = base; e <= last; e++) {
      if (nbr[e] == j) {
        nbr[e] = nbr[last];
        w[e] = w[last];
        sd[2 * s + 1]--;
        return;
      }
    }
  }

  /** Removes every edge of {@code s} at both ends. */
  void isolate(int s) {
    int base = sd[2 * s];
    for (int e = base, end = base + sd[2 * s + 1]; e < end; e++) {
      remove(nbr[e], s);
    }
    sd[2 * s + 1] = 0;
  }
}
