package io.freeagentics.edge;

/**
 * The tick policy's answer: the mode, the interval to wait before the next tick (within the profile's bounds),
 * whether the board counts as hot (kept for hysteresis), and a short reason for log lines.
 */
public record EdgeTickDecision(EdgePowerMode mode, long intervalMs, boolean hot, String reason) {

  public EdgeTickDecision {
    if (mode == null || reason == null) {
      throw new IllegalArgumentException("mode and reason must not be null");
    }
    if (intervalMs < 1) {
      throw new IllegalArgumentException("intervalMs must be at least 1 but was " + intervalMs);
    }
  }
}
