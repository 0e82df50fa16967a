package io.freeagentics.cloud.cache.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys invalidated while L2 was unreachable, to be invalidated in L2 (and broadcast) when it is back, so that L2
 * never serves a value older than an invalidation this instance performed. Bounded: beyond {@code capacity} keys
 * it remembers only that it overflowed, and the whole cache is invalidated instead. Thread-safe.
 */
public final class PendingInvalidations {

  private final int capacity;
  private final Set<String> keys = new LinkedHashSet<>();
  private boolean overflowed;

  /** Remembers up to {@code capacity} keys (at least 1). */
  public PendingInvalidations(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Remembers {@code key}. */
  public synchronized void add(String key) {
    if (overflowed) {
      return;
    }
    if (keys.size() == capacity && !keys.contains(key)) {
      overflowed = true;
      keys.clear();
      return;
    }
    keys.add(key);
  }

  /** Remembers that the whole cache must be invalidated. */
  public synchronized void addAll() {
    overflowed = true;
    keys.clear();
  }

  /** Takes everything remembered, leaving this empty. */
  public synchronized Drained drain() {
    Drained drained = new Drained(overflowed, new ArrayList<>(keys));
    keys.clear();
    overflowed = false;
    return drained;
  }

  /** Puts back what a failed replay could not finish. */
  public synchronized void restore(Drained drained) {
    if (drained.all()) {
      addAll();
    } else {
      drained.keys().forEach(this::add);
    }
  }

  /** How many keys are remembered; -1 after an overflow (the whole cache is pending). */
  public synchronized int size() {
    return overflowed ? -1 : keys.size();
  }

  /**
   * What was pending.
   *
   * @param all  the whole cache must be invalidated
   * @param keys the keys to invalidate (empty when {@code all})
   */
  public record Drained(boolean all, List<String> keys) {

    /** Copies the keys. */
    public Drained {
      keys = List.copyOf(keys);
    }

    /** Whether nothing was pending. */
    public boolean isEmpty() {
      return !all && keys.isEmpty();
    }
  }
}
