package io.freeagentics.coalitions.internal;

import java.util.Arrays;

/**
 * The sparse pair graph: for every agent slot, the agents within k rings with a non-zero pair weight, and those
 * weights. Symmetric (every edge is stored at both ends). All lists live in two large arrays (an arena): agent s
 * holds {@code nbr[start[s] .. start[s] + deg[s])} and the same range of {@code w}, with room for {@code cap[s]}
 * entries. A full formation lays the lists out in slot order with some slack, so the whole graph is a handful of
 * objects (no per-agent garbage for the collector to copy) read mostly in order; an incremental round that
 * outgrows a list moves it to the end of the arena.
 */
final class AgentGraph {
  int[] start;
  int[] cap;
  int[] deg;
  int[] nbr;
  double[] w;
  private int top;

  AgentGraph(int capacity) {
    start = new int[capacity];
    cap = new int[capacity];
    deg = new int[capacity];
    nbr = new int[16];
    w = new double[16];
  }

  void ensureCapacity(int capacity) {
    if (capacity > deg.length) {
      start = Arrays.copyOf(start, capacity);
      cap = Arrays.copyOf(cap, capacity);
      deg = Arrays.copyOf(deg, capacity);
    }
  }

  /** Lays out empty lists of the given capacities for slots 0..capacities.length-1 (a full formation). */
  void layout(int[] capacities, int slots) {
    long total = 0;
    for (int s = 0; s < slots; s++) {
      total += capacities[s];
    }
    // Room for lists that outgrow their place during incremental rounds.
    long size = total + (total >> 3) + 16;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("pair graph of " + total + " entries is too large");
    }
    nbr = new int[(int) size];
    w = new double[(int) size];
    int at = 0;
    for (int s = 0; s < slots; s++) {
      start[s] = at;
      cap[s] = capacities[s];
      deg[s] = 0;
      at += capacities[s];
    }
    top = at;
  }

  /** Gives slot {@code s} an empty list of room {@code capacity} at the end of the arena. */
  void allocate(int s, int capacity) {
    ensureArena(capacity);
    start[s] = top;
    cap[s] = capacity;
    deg[s] = 0;
    top += capacity;
  }

  private void ensureArena(int extra) {
    if (top + extra > nbr.length) {
      long grown = Math.max((long) top + extra, (long) nbr.length + (nbr.length >> 1) + 16);
      int size = (int) Math.min(Integer.MAX_VALUE - 16, grown);
      nbr = Arrays.copyOf(nbr, size);
      w = Arrays.copyOf(w, size);
    }
  }

  void add(int s, int j, double weight) {
    int n = deg[s];
    if (n == cap[s]) {
      int newCap = n + (n >> 1) + 4;
      ensureArena(newCap);
      System.arraycopy(nbr, start[s], nbr, top, n);
      System.arraycopy(w, start[s], w, top, n);
      start[s] = top;
      cap[s] = newCap;
      top += newCap;
    }
    int at = start[s] + n;
    nbr[at] = j;
    w[at] = weight;
    deg[s] = n + 1;
  }

  /** Removes the edge to {@code j} from the list of {@code s} (order not kept). */
  void remove(int s, int j) {
    int base = start[s];
    int last = base + deg[s] - 1;
    for (int e = base; e <= last; e++) {
      if (nbr[e] == j) {
        nbr[e] = nbr[last];
        w[e] = w[last];
        deg[s]--;
        return;
      }
    }
  }

  /** Removes every edge of {@code s} at both ends. */
  void isolate(int s) {
    int base = start[s];
    for (int e = base, end = base + deg[s]; e < end; e++) {
      remove(nbr[e], s);
    }
    deg[s] = 0;
  }
}
