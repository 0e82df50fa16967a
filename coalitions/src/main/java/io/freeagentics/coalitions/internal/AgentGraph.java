package io.freeagentics.coalitions.internal;

import java.util.Arrays;

/**
 * The sparse pair graph: for every agent slot, the agents within k rings with a non-zero pair weight, and those
 * weights. Symmetric (every edge is stored at both ends). All lists live in two large arrays (an arena): agent s
 * holds {@code nbr[start .. start + degree)} (both read from {@link #sd}) and the same range of {@code w}, with
 * room for {@code cap[s]} entries. A full formation lays the lists out in slot order with some slack, so the
 * whole graph is a handful of objects (no per-agent garbage for the collector to copy) read mostly in order; an
 * incremental round that outgrows a list moves it to the end of the arena.
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
      sd[2 * s] = at;
      cap[s] = capacities[s];
      sd[2 * s + 1] = 0;
      at += capacities[s];
    }
    top = at;
  }

  /** Gives slot {@code s} an empty list of room {@code capacity} at the end of the arena. */
  void allocate(int s, int capacity) {
    ensureArena(capacity);
    sd[2 * s] = top;
    cap[s] = capacity;
    sd[2 * s + 1] = 0;
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
    int n = sd[2 * s + 1];
    if (n == cap[s]) {
      int newCap = n + (n >> 1) + 4;
      ensureArena(newCap);
      System.arraycopy(nbr, sd[2 * s], nbr, top, n);
      System.arraycopy(w, sd[2 * s], w, top, n);
      sd[2 * s] = top;
      cap[s] = newCap;
      top += newCap;
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
