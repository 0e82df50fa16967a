package io.freeagentics.edge;

/**
 * Simulates a battery-powered device ticking until its battery is empty: each tick draws the active current for
 * the tick's busy time and the idle current for the rest of its interval. Compares power-aware throttling
 * ({@link EdgeTickPolicy}) with a fixed rate at the profile's shortest interval. The board runs on battery, not
 * charging, at a constant temperature and with an empty sync backlog.
 */
public final class EdgeBatterySimulation {
  private final EdgeBatteryModel battery;
  private final EdgeTickPolicy policy;
  private final double activeMsPerTick;
  private final double temperatureC;

  /**
   * @param activeMsPerTick busy time of one tick (measured or modelled), in ms
   * @throws IllegalArgumentException on a negative or non-finite busy time
   */
  public EdgeBatterySimulation(EdgeBatteryModel battery, EdgeTickPolicy policy, double activeMsPerTick,
      double temperatureC) {
    if (battery == null || policy == null) {
      throw new IllegalArgumentException("battery and policy must not be null");
    }
    if (!(activeMsPerTick >= 0) || Double.isInfinite(activeMsPerTick)) {
      throw new IllegalArgumentException("activeMsPerTick must be finite and not negative but was " + activeMsPerTick);
    }
    this.battery = battery;
    this.policy = policy;
    this.activeMsPerTick = activeMsPerTick;
    this.temperatureC = temperatureC;
  }

  /** Battery life ticking at the profile's fastest rate all the time, up to {@code maxHours}. */
  public EdgeBatteryReport fixedRate(double maxHours) {
    return run(maxHours, false);
  }

  /** Battery life with the tick policy choosing the interval from the state of charge, up to {@code maxHours}. */
  public EdgeBatteryReport throttled(double maxHours) {
    return run(maxHours, true);
  }

  private EdgeBatteryReport run(double maxHours, boolean throttle) {
    if (!(maxHours > 0)) {
      throw new IllegalArgumentException("maxHours must be positive but was " + maxHours);
    }
    double limitMs = maxHours * 3_600_000.0;
    double remainingWh = battery.batteryWh();
    double elapsedMs = 0;
    long ticks = 0;
    EdgeTickDecision decision = policy.initial(state(1.0));
    while (elapsedMs < limitMs) {
      double soc = Math.max(0, remainingWh / battery.batteryWh());
      decision = throttle ? policy.decide(state(soc), decision)
          : new EdgeTickDecision(EdgePowerMode.FULL, policy.minMs(), false, "fixed rate");
      double interval = Math.min(decision.intervalMs(), limitMs - elapsedMs);
      double used = battery.energyWh(interval, activeMsPerTick);
      if (used >= remainingWh) {
        // The battery empties during this interval: count the share of it that was still powered.
        elapsedMs += interval * (remainingWh / used);
        return new EdgeBatteryReport(elapsedMs / 3_600_000.0, true, ticks + 1, elapsedMs / (ticks + 1));
      }
      remainingWh -= used;
      elapsedMs += interval;
      ticks++;
    }
    return new EdgeBatteryReport(elapsedMs / 3_600_000.0, false, ticks, ticks == 0 ? 0 : elapsedMs / ticks);
  }

  private EdgePowerState state(double soc) {
    return new EdgePowerState(soc, false, temperatureC, 0, 1);
  }
}
