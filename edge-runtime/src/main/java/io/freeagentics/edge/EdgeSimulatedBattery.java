package io.freeagentics.edge;

/**
 * A battery that exists only in simulation (the {@code sim} profile): it starts at a given state of charge and
 * drains by the profile's idle and active currents over the measured busy time of each tick, so the tick policy
 * sees the charge fall as it would on the board. Not charging; temperature unknown.
 */
public final class EdgeSimulatedBattery implements EdgePowerSource {
  private final EdgeBatteryModel model;
  private double remainingWh;

  /** @throws IllegalArgumentException when the initial charge is outside [0, 1] */
  public EdgeSimulatedBattery(EdgeBatteryModel model, double initialStateOfCharge) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (!(initialStateOfCharge >= 0 && initialStateOfCharge <= 1)) {
      throw new IllegalArgumentException("initialStateOfCharge must be in [0, 1] but was " + initialStateOfCharge);
    }
    this.model = model;
    this.remainingWh = model.batteryWh() * initialStateOfCharge;
  }

  @Override
  public EdgePowerState read(int outboxDepth, int outboxCapacity) {
    return new EdgePowerState(stateOfCharge(), false, Double.NaN, outboxDepth, outboxCapacity);
  }

  @Override
  public void consumed(double intervalMs, double activeMs) {
    remainingWh = Math.max(0, remainingWh - model.energyWh(intervalMs, activeMs));
  }

  /** The simulated state of charge in [0, 1]. */
  public double stateOfCharge() {
    return remainingWh / model.batteryWh();
  }

  @Override
  public String description() {
    return String.format("simulated battery %.2f Wh at %.0f%%", model.batteryWh(), stateOfCharge() * 100);
  }
}
