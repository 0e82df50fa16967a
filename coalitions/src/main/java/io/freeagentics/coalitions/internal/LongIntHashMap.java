package io.freeagentics.coalitions.internal;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} to non-negative {@code int}, without boxing: agent id to slot, H3 cell
 * to bucket. Linear probing with backward-shift deletion; {@link #get} returns -1 for a missing key.
 */
public final class LongIntHashMap {
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  public LongIntHashMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, -1);
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 29));
  }

  /** The value of {@code key}, or -1. */
  public int get(long key) {
    return values[slot(key)];
  }

  /** Sets {@code key} to {@code value} (>= 0); returns the previous value or -1. */
  public int put(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must be >= 0, got " + value);
    }
    int i = slot(key);
    int previous = values[i];
    keys[i] = key;
    values[i] = value;
    if (previous < 0 && ++size * 2 > keys.length) {
      grow();
    }
    return previous;
  }

  /** Removes {@code key}; returns its value or -1. */
  public int remove(long key) {
    int i = slot(key);
    int v = values[i];
    if (v >= 0) {
      shiftBack(i);
      size--;
    }
    return v;
  }

  /** The slot holding {@code key}, or the empty slot (value -1) where the probe for it ends. */
  private int slot(long key) {
    int i = hash(key) & mask;
    while (values[i] >= 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void shiftBack(int hole) {
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      if (values[i] < 0) {
        values[hole] = -1;
        return;
      }
      int home = hash(keys[i]) & mask;
      // Move entry i into the hole when its home is not cyclically in (hole, i].
      boolean stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
      if (!stays) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(values, -1);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
