package io.freeagentics.coalitions.internal;

/**
 * Binary max-heap of candidate merges (gain, a, b, version of a, version of b) in parallel primitive arrays. Stale
 * entries are not removed: the caller checks the versions when it pops (lazy invalidation). Ties in gain are
 * broken by the smaller a, then the smaller b, so the order is deterministic.
 */
final class MergeHeap {
  private double[] gain;
  private int[] a;
  private int[] b;
  private int[] va;
  private int[] vb;
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
    a = new int[c];
    b = new int[c];
    va = new int[c];
    vb = new int[c];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  private boolean above(int i, int j) {
    if (gain[i] != gain[j]) {
      return gain[i] > gain[j];
    }
    if (a[i] != a[j]) {
      return a[i] < a[j];
    }
    return b[i] < b[j];
  }

  private void ensure() {
    if (size == gain.length) {
      int c = gain.length + (gain.length >> 1);
      gain = java.util.Arrays.copyOf(gain, c);
      a = java.util.Arrays.copyOf(a, c);
      b = java.util.Arrays.copyOf(b, c);
      va = java.util.Arrays.copyOf(va, c);
      vb = java.util.Arrays.copyOf(vb, c);
    }
  }

  /** Appends without restoring the heap order; call {@link #heapify} before popping. */
  void append(double g, int x, int y, int vx, int vy) {
    ensure();
    int i = size++;
    gain[i] = g;
    if (x <= y) {
      a[i] = x;
      b[i] = y;
      va[i] = vx;
      vb[i] = vy;
    } else {
      a[i] = y;
      b[i] = x;
      va[i] = vy;
      vb[i] = vx;
    }
  }

  void push(double g, int x, int y, int vx, int vy) {
    append(g, x, y, vx, vy);
    siftUp(size - 1);
  }

  void heapify() {
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  /** Removes the top entry into the {@code top*} fields; false when empty. */
  boolean pop() {
    if (size == 0) {
      return false;
    }
    topGain = gain[0];
    topA = a[0];
    topB = b[0];
    topVersionA = va[0];
    topVersionB = vb[0];
    size--;
    if (size > 0) {
      move(size, 0);
      siftDown(0);
    }
    return true;
  }

  private void move(int from, int to) {
    gain[to] = gain[from];
    a[to] = a[from];
    b[to] = b[from];
    va[to] = va[from];
    vb[to] = vb[from];
  }

  private void swap(int i, int j) {
    double g = gain[i];
    gain[i] = gain[j];
    gain[j] = g;
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    t = b[i];
    b[i] = b[j];
    b[j] = t;
    t = va[i];
    va[i] = va[j];
    va[j] = t;
    t = vb[i];
    vb[i] = vb[j];
    vb[j] = t;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!above(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int best = left;
      int right = left + 1;
      if (right < size && above(right, left)) {
        best = right;
      }
      if (!above(best, i)) {
        return;
      }
      swap(i, best);
      i = best;
    }
  }
}
