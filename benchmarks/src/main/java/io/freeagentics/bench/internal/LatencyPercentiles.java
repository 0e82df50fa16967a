package io.freeagentics.bench.internal;

import java.util.Arrays;

/** Percentiles of individually timed calls, in microseconds (nearest-rank definition). */
public record LatencyPercentiles(int samples, double p50Micros, double p99Micros) {

  /** The percentiles of {@code nanos} (which this sorts in place). */
  public static LatencyPercentiles of(long[] nanos) {
    if (nanos == null || nanos.length == 0) {
      throw new IllegalArgumentException("latency samples must not be empty");
    }
    Arrays.sort(nanos);
    return new LatencyPercentiles(nanos.length, percentile(nanos, 50) / 1e3, percentile(nanos, 99) / 1e3);
  }

  /** The smallest sample with at least {@code percent}% of the samples at or below it. */
  static long percentile(long[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
