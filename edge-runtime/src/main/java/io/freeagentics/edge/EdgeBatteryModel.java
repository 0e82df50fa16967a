package io.freeagentics.edge;

/**
 * The electrical figures a battery simulation needs, taken from a device profile's power model: battery energy
 * in watt-hours, supply voltage and the idle and active currents in mA.
 */
public record EdgeBatteryModel(double batteryWh, double supplyVoltageV, double idleDrawMa, double activeDrawMa) {

  public EdgeBatteryModel {
    if (!(batteryWh > 0) || !(supplyVoltageV > 0) || !(idleDrawMa > 0) || !(activeDrawMa >= idleDrawMa)) {
      throw new IllegalArgumentException("battery model needs batteryWh > 0, supplyVoltageV > 0, idleDrawMa > 0 and "
          + "activeDrawMa >= idleDrawMa but was batteryWh=" + batteryWh + ", supplyVoltageV=" + supplyVoltageV
          + ", idleDrawMa=" + idleDrawMa + ", activeDrawMa=" + activeDrawMa);
    }
  }

  /** Energy in watt-hours drawn over {@code intervalMs} of which {@code activeMs} are busy. */
  public double energyWh(double intervalMs, double activeMs) {
    double busy = Math.min(activeMs, intervalMs);
    double milliampMs = idleDrawMa * (intervalMs - busy) + activeDrawMa * busy;
    return supplyVoltageV * milliampMs / 1000.0 / 3_600_000.0;
  }
}
