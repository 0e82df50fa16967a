package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EdgeBatterySimulationTest {
  /** A 2500 mAh 3.7 V cell, 5 V supply, 120 mA idle and 350 mA active (the Zero 2 W figures of its profile). */
  private final EdgeBatteryModel zero = new EdgeBatteryModel(2.5 * 3.7, 5.0, 120, 350);

  @Test
  void throttlingExtendsBatteryLifeOverTheFixedFastestRate() {
    EdgeBatterySimulation simulation = new EdgeBatterySimulation(zero, new EdgeTickPolicy(500, 60_000), 200, 40);
    EdgeBatteryReport fixed = simulation.fixedRate(100);
    EdgeBatteryReport throttled = simulation.throttled(100);
    assertThat(fixed.emptied()).isTrue();
    assertThat(throttled.emptied()).isTrue();
    assertThat(throttled.hours()).isGreaterThan(fixed.hours());
    assertThat(throttled.meanIntervalMs()).isGreaterThan(fixed.meanIntervalMs());
  }

  @Test
  void atHighChargeTheThrottledRunTicksAtTheFastestRate() {
    EdgeBatterySimulation simulation = new EdgeBatterySimulation(zero, new EdgeTickPolicy(500, 60_000), 200, 40);
    // One hour drains well under 40 % of the battery: the policy stays in FULL, like the fixed rate.
    EdgeBatteryReport throttled = simulation.throttled(1);
    EdgeBatteryReport fixed = simulation.fixedRate(1);
    assertThat(throttled.emptied()).isFalse();
    assertThat(throttled.ticks()).isEqualTo(fixed.ticks());
    assertThat(throttled.meanIntervalMs()).isCloseTo(500, within(1e-6));
  }

  @Test
  void alwaysIdleLifeMatchesTheCapacityOverTheIdlePower() {
    EdgeBatterySimulation simulation = new EdgeBatterySimulation(zero, new EdgeTickPolicy(1000, 1000), 0, 40);
    double expectedHours = 2.5 * 3.7 / (5.0 * 0.120);
    assertThat(simulation.fixedRate(100).hours()).isCloseTo(expectedHours, within(1e-3));
  }
}
