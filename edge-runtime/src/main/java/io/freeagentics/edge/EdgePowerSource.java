package io.freeagentics.edge;

/**
 * Where the runtime learns about its power: state of charge, charging, temperature. Told after every tick how
 * long the tick interval was and how long the tick kept the CPU busy, so a simulated battery can drain.
 */
public interface EdgePowerSource {

  /** The power state now, with the given sync backlog. */
  EdgePowerState read(int outboxDepth, int outboxCapacity);

  /** Accounts for one tick: {@code intervalMs} of wall time of which {@code activeMs} were busy. */
  void consumed(double intervalMs, double activeMs);

  /** What the source is, for log lines. */
  String description();

  /** Whether the board runs on a battery (telemetry then reports its charge); true unless the source knows better. */
  default boolean hasBattery() {
    return true;
  }
}
