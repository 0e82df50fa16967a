package io.freeagentics.edge.internal;

import java.util.random.RandomGenerator;

/**
 * Reconnect delays of the edge sync: exponential growth from {@code initialMillis}, capped at {@code maxMillis},
 * with "equal jitter": the delay of failure {@code n} (0-based) is uniform in {@code [c/2, c]} where
 * {@code c = min(maxMillis, initialMillis * 2^n)}. Half of it is jitter, so a fleet that lost its broker at the same
 * moment does not reconnect in lockstep; the other half keeps a floor, so a device never spins. Every delay lies in
 * {@code [initialMillis/2, maxMillis]}.
 */
public final class SyncBackoff {
  private final long initialMillis;
  private final long maxMillis;
  private final RandomGenerator random;

  public SyncBackoff(long initialMillis, long maxMillis, RandomGenerator random) {
    if (initialMillis < 2) {
      throw new IllegalArgumentException("initialMillis must be at least 2 but was " + initialMillis);
    }
    if (maxMillis < initialMillis) {
      throw new IllegalArgumentException("maxMillis must be at least initialMillis " + initialMillis + " but was "
          + maxMillis);
    }
    if (random == null) {
      throw new IllegalArgumentException("random must not be null");
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.random = random;
  }

  /** The cap {@code c} of failure {@code failures} (0-based) before jitter. */
  public long ceilingMillis(int failures) {
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative but was " + failures);
    }
    // initialMillis << failures overflows past 62 doublings; the cap is reached long before.
    int shift = Math.min(failures, 62);
    long grown = initialMillis > (maxMillis >> shift) ? maxMillis : initialMillis << shift;
    return Math.min(maxMillis, grown);
  }

  /** The delay before the next attempt after {@code failures} consecutive failures (0-based), jittered. */
  public long delayMillis(int failures) {
    long ceiling = ceilingMillis(failures);
    long floor = ceiling / 2;
    return floor + random.nextLong(ceiling - floor + 1);
  }

  public long initialMillis() {
    return initialMillis;
  }

  public long maxMillis() {
    return maxMillis;
  }
}
