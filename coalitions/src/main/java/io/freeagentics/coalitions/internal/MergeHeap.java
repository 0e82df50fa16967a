package io.freeagentics.coalitions.internal;

/**
 * Binary max-heap of candidate merges (gain, a, b, version of a, version of b) in parallel primitive arrays. Stale
 * entries are not removed: the caller checks the versions when it pops (lazy invalidation). Ties in gain are
 * broken by the smaller a, then the smaller b, so the order is deterministic.
 *
 * <p>The pair (a, b) is packed into one long ({@code a << 32 | b}, both non-negative slots, so comparing the longs
 * compares a, then b) and so are the two versions: an entry is three array cells instead of five, and sifting moves
 * the entry along its path into a hole instead of swapping at every level.
 */
final class MergeHeap {
  private double[] gain;
  private long[] pair;
  private long[] versions;
  private int size;

  /** Fields of the last popped entry. */
  double topGain;
  int topA;
  int topB;
  int topVersionA;
  int topVersionB;

  MergeHeap(int capacity) {
    int c = Math.max(16, capacity);
    gain = new double[c];
    pair = new long[c];
    versions = new long[c];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  private static boolean above(double g, long p, double og, long op) {
    if (g != og) {
      return g > og;
    }
    return p < op;
  }

  private void ensure() {
    if (size == gain.length) {
      int c = gain.length + (gain.length >> 1);
      gain = java.util.Arrays.copyOf(gain, c);
      pair = java.util.Arrays.copyOf(pair, c);
      versions = java.util.Arrays.copyOf(versions, c);
    }
  }

  private static long pack(int hi, int lo) {
    return ((long) hi << 32) | (lo & 0xFFFF_FFFFL);
  }

  /** Appends without restoring the heap order; call {@link #heapify} before popping. */
  void append(double g, int x, int y, int vx, int vy) {
    ensure();
    int i = size++;
    gain[i] = g;
    if (x <= y) {
      pair[i] = pack(x, y);
      versions[i] = pack(vx, vy);
    } else {
      pair[i] = pack(y, x);
      versions[i] = pack(vy, vx);
    }
  }

  void push(double g, int x, int y, int vx, int vy) {
    append(g, x, y, vx, vy);
    siftUp(size - 1);
  }

  void heapify() {
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i, gain[i], pair[i], versions[i]);
    }
  }

  /** Removes the top entry into the {@code top*} fields; false when empty. */
  boolean pop() {
    if (size == 0) {
      return false;
    }
    topGain = gain[0];
    long p = pair[0];
    long v = versions[0];
    topA = (int) (p >>> 32);
    topB = (int) p;
    topVersionA = (int) (v >>> 32);
    topVersionB = (int) v;
    size--;
    if (size > 0) {
      siftDown(0, gain[size], pair[size], versions[size]);
    }
    return true;
  }

  private void siftUp(int i) {
    double g = gain[i];
    long p = pair[i];
    long v = versions[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!above(g, p, gain[parent], pair[parent])) {
        break;
      }
      gain[i] = gain[parent];
      pair[i] = pair[parent];
      versions[i] = versions[parent];
      i = parent;
    }
    gain[i] = g;
    pair[i] = p;
    versions[i] = v;
  }

  /** Places the entry (g, p, v) at position i or below, moving larger children up into the hole. */
  private void siftDown(int i, double g, long p, long v) {
    double[] gs = gain;
    long[] ps = pair;
    long[] vs = versions;
    int n = size;
    while (true) {
      int left = 2 * i + 1;
      if (left >= n) {
        break;
      }
      int best = left;
      int right = left + 1;
      if (right < n && above(gs[right], ps[right], gs[left], ps[left])) {
        best = right;
      }
      if (!above(gs[best], ps[best], g, p)) {
        break;
      }
      gs[i] = gs[best];
      ps[i] = ps[best];
      vs[i] = vs[best];
      i = best;
    }
    gs[i] = g;
    ps[i] = p;
    vs[i] = v;
  }
}
