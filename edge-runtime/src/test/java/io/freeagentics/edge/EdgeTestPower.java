package io.freeagentics.edge;

/** Power sources for tests. */
final class EdgeTestPower {
  private EdgeTestPower() {}

  /** A board on mains, always full: the policy's fastest rate; no battery in telemetry. */
  static final EdgePowerSource MAINS = new EdgePowerSource() {
    @Override
    public EdgePowerState read(int outboxDepth, int outboxCapacity) {
      return new EdgePowerState(1, true, Double.NaN, outboxDepth, outboxCapacity);
    }

    @Override
    public void consumed(double intervalMs, double activeMs) {}

    @Override
    public String description() {
      return "mains";
    }

    @Override
    public boolean hasBattery() {
      return false;
    }
  };
}
