package io.freeagentics.edge;

/**
 * Power-aware tick throttling: a pure function from the power state and the previous decision to the next tick
 * interval, within the profile's {@code [minMs, maxMs]}. Rules (docs/edge-runtime.md has the table):
 *
 * <ul>
 *   <li>Charging or on mains: {@link EdgePowerMode#FULL}, the fastest rate, whatever the charge.
 *   <li>On battery the state of charge picks the mode: FULL at or above 60 %, ECO from 30 %, SAVER from 15 %,
 *       CRITICAL below. Hysteresis: a mode is only left towards a faster one when the charge exceeds that faster
 *       mode's threshold by 5 points, so a charge hovering at a threshold does not flap between modes.
 *   <li>A sync backlog of 80 % of the outbox or more, on battery, slows one mode more: the backlog would otherwise
 *       grow (and later cost radio energy) faster than it drains.
 *   <li>Temperature, always (also when charging): at 75 °C or more the board is hot and ticks one mode slower, at
 *       85 °C or more CRITICAL; it stops counting as hot once it is back at 70 °C or less.
 * </ul>
 *
 * <p>Intervals: FULL = min, CRITICAL = max, ECO and SAVER at 1/3 and 2/3 of the way on a log scale, so each mode is
 * the same factor slower than the one before.
 */
public final class EdgeTickPolicy {
  static final double FULL_FROM = 0.60;
  static final double ECO_FROM = 0.30;
  static final double SAVER_FROM = 0.15;
  static final double HYSTERESIS = 0.05;
  static final double BACKLOG_SLOWS_AT = 0.80;
  static final double HOT_FROM_C = 75;
  static final double COOL_AT_C = 70;
  static final double CRITICAL_FROM_C = 85;

  private final long minMs;
  private final long maxMs;

  /** @throws IllegalArgumentException when the bounds are not {@code 1 <= minMs <= maxMs} */
  public EdgeTickPolicy(long minMs, long maxMs) {
    if (minMs < 1 || maxMs < minMs) {
      throw new IllegalArgumentException("tick bounds must satisfy 1 <= minMs <= maxMs but were minMs=" + minMs
          + ", maxMs=" + maxMs);
    }
    this.minMs = minMs;
    this.maxMs = maxMs;
  }

  /** The decision before any tick: as if the previous mode had been FULL and the board cool. */
  public EdgeTickDecision initial(EdgePowerState state) {
    return decide(state, new EdgeTickDecision(EdgePowerMode.FULL, minMs, false, "start"));
  }

  /** The next decision, given the current power state and the previous decision (for hysteresis). */
  public EdgeTickDecision decide(EdgePowerState state, EdgeTickDecision previous) {
    if (state == null || previous == null) {
      throw new IllegalArgumentException("state and previous must not be null");
    }
    EdgePowerMode mode;
    String reason;
    if (state.charging()) {
      mode = EdgePowerMode.FULL;
      reason = "charging";
    } else {
      mode = chargeMode(state.stateOfCharge(), previous.mode());
      reason = "battery " + Math.round(state.stateOfCharge() * 100) + "%";
      if (state.backlog() >= BACKLOG_SLOWS_AT) {
        mode = mode.slower();
        reason += ", sync backlog " + state.outboxDepth() + "/" + state.outboxCapacity();
      }
    }
    boolean hot = previous.hot() ? state.temperatureC() > COOL_AT_C : state.temperatureC() >= HOT_FROM_C;
    if (state.temperatureC() >= CRITICAL_FROM_C) {
      mode = EdgePowerMode.CRITICAL;
      reason += ", " + Math.round(state.temperatureC()) + " °C";
    } else if (hot) {
      mode = mode.slower();
      reason += ", hot " + Math.round(state.temperatureC()) + " °C";
    }
    return new EdgeTickDecision(mode, intervalOf(mode), hot, reason);
  }

  /** The interval of a mode within this policy's bounds. */
  public long intervalOf(EdgePowerMode mode) {
    double share = (double) mode.ordinal() / (EdgePowerMode.values().length - 1);
    long interval = Math.round(minMs * Math.pow((double) maxMs / minMs, share));
    return Math.max(minMs, Math.min(maxMs, interval));
  }

  public long minMs() {
    return minMs;
  }

  public long maxMs() {
    return maxMs;
  }

  /** The mode a state of charge calls for, moving to a faster mode only past its threshold plus hysteresis. */
  private static EdgePowerMode chargeMode(double soc, EdgePowerMode previous) {
    EdgePowerMode plain = soc >= FULL_FROM ? EdgePowerMode.FULL
        : soc >= ECO_FROM ? EdgePowerMode.ECO
        : soc >= SAVER_FROM ? EdgePowerMode.SAVER
        : EdgePowerMode.CRITICAL;
    if (plain.ordinal() >= previous.ordinal()) {
      return plain;
    }
    // Faster than before: step up only to modes whose threshold the charge clears with the hysteresis margin.
    EdgePowerMode mode = previous;
    while (mode.ordinal() > plain.ordinal() && soc >= threshold(EdgePowerMode.values()[mode.ordinal() - 1]) + HYSTERESIS) {
      mode = EdgePowerMode.values()[mode.ordinal() - 1];
    }
    return mode;
  }

  private static double threshold(EdgePowerMode mode) {
    return switch (mode) {
      case FULL -> FULL_FROM;
      case ECO -> ECO_FROM;
      case SAVER -> SAVER_FROM;
      case CRITICAL -> 0;
    };
  }
}
