package io.freeagentics.edge;

/**
 * What the tick policy looks at: battery state of charge in [0, 1] ({@code 1} for a mains-powered board), whether
 * the board is charging or on mains, the SoC temperature in degrees Celsius ({@code NaN} when the board has no
 * sensor for it: then it never counts as hot), and the sync backlog (outbox depth against its capacity).
 */
public record EdgePowerState(
    double stateOfCharge, boolean charging, double temperatureC, int outboxDepth, int outboxCapacity) {

  public EdgePowerState {
    if (!(stateOfCharge >= 0 && stateOfCharge <= 1)) {
      throw new IllegalArgumentException("stateOfCharge must be in [0, 1] but was " + stateOfCharge);
    }
    if (Double.isInfinite(temperatureC)) {
      throw new IllegalArgumentException("temperatureC must be finite or NaN (unknown) but was " + temperatureC);
    }
    if (outboxCapacity < 1) {
      throw new IllegalArgumentException("outboxCapacity must be at least 1 but was " + outboxCapacity);
    }
    if (outboxDepth < 0 || outboxDepth > outboxCapacity) {
      throw new IllegalArgumentException(
          "outboxDepth must be in [0, " + outboxCapacity + "] but was " + outboxDepth);
    }
  }

  /** The share of the outbox in use, in [0, 1]. */
  public double backlog() {
    return (double) outboxDepth / outboxCapacity;
  }
}
