package io.freeagentics.cloud.ingest.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of non-negative durations in milliseconds with about 3 % relative resolution: exact up to
 * 32 ms, then 32 sub-buckets per power of two, up to 2^40 ms. Enough for p50/p99 of the ingest latency without
 * keeping every sample.
 */
public final class LatencyHistogram {
  private static final int SUB_BITS = 5;
  private static final int SUB = 1 << SUB_BITS;
  private static final int MAX_EXPONENT = 40;
  private final AtomicLongArray counts = new AtomicLongArray(SUB + (MAX_EXPONENT - SUB_BITS + 1) * SUB);
  private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

  /** Records one duration (negative values count as 0: clocks of device and cloud may differ). */
  public void record(long millis) {
    long value = Math.max(0, millis);
    counts.incrementAndGet(bucket(value));
    max.accumulateAndGet(value, Math::max);
  }

  /** The number of recorded durations. */
  public long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The largest recorded duration, 0 when none. */
  public long max() {
    return max.get();
  }

  /**
   * The smallest bucket bound below which at least {@code quantile} of the durations lie (the bucket's upper
   * value), or 0 when nothing was recorded.
   */
  public long quantile(double quantile) {
    if (!(quantile >= 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1] but was " + quantile);
    }
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(quantile * total));
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Math.min(upper(i), max.get());
      }
    }
    return max.get();
  }

  static int bucket(long value) {
    if (value < SUB) {
      return (int) value;
    }
    int exponent = Math.min(63 - Long.numberOfLeadingZeros(value), MAX_EXPONENT);
    if (exponent == MAX_EXPONENT && value >= (1L << (MAX_EXPONENT + 1))) {
      return SUB + (MAX_EXPONENT - SUB_BITS) * SUB + SUB - 1;
    }
    int sub = (int) ((value >>> (exponent - SUB_BITS)) & (SUB - 1));
    return SUB + (exponent - SUB_BITS) * SUB + sub;
  }

  static long upper(int bucket) {
    if (bucket < SUB) {
      return bucket;
    }
    int exponent = (bucket - SUB) / SUB + SUB_BITS;
    int sub = (bucket - SUB) % SUB;
    long base = 1L << exponent;
    long step = 1L << (exponent - SUB_BITS);
    return base + (sub + 1) * step - 1;
  }
}
