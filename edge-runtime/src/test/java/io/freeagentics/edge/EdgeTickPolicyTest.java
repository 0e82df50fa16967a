package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EdgeTickPolicyTest {
  private final EdgeTickPolicy policy = new EdgeTickPolicy(500, 60_000);

  private static EdgePowerState battery(double soc) {
    return new EdgePowerState(soc, false, 40, 0, 100);
  }

  @Test
  void fastestRateWhenChargingOrTheChargeIsHigh() {
    assertThat(policy.initial(new EdgePowerState(0.05, true, 40, 0, 100)).intervalMs()).isEqualTo(500);
    assertThat(policy.initial(battery(0.95)).intervalMs()).isEqualTo(500);
    assertThat(policy.initial(battery(0.60)).mode()).isEqualTo(EdgePowerMode.FULL);
  }

  @Test
  void lowerChargeTicksSlowerDownToTheMaximumInterval() {
    assertThat(policy.initial(battery(0.45)).mode()).isEqualTo(EdgePowerMode.ECO);
    assertThat(policy.initial(battery(0.20)).mode()).isEqualTo(EdgePowerMode.SAVER);
    assertThat(policy.initial(battery(0.05)).mode()).isEqualTo(EdgePowerMode.CRITICAL);
    assertThat(policy.initial(battery(0.05)).intervalMs()).isEqualTo(60_000);
    assertThat(policy.intervalOf(EdgePowerMode.ECO)).isBetween(500L, policy.intervalOf(EdgePowerMode.SAVER));
  }

  @Test
  void hysteresisKeepsTheSlowerModeUntilTheChargeClearsTheThresholdByFivePoints() {
    EdgeTickDecision eco = policy.initial(battery(0.59));
    assertThat(eco.mode()).isEqualTo(EdgePowerMode.ECO);
    assertThat(policy.decide(battery(0.61), eco).mode()).isEqualTo(EdgePowerMode.ECO);
    assertThat(policy.decide(battery(0.64), eco).mode()).isEqualTo(EdgePowerMode.ECO);
    assertThat(policy.decide(battery(0.66), eco).mode()).isEqualTo(EdgePowerMode.FULL);
  }

  @Test
  void aFullSyncBacklogOnBatterySlowsOneModeButNotWhenCharging() {
    EdgePowerState backlog = new EdgePowerState(0.9, false, 40, 85, 100);
    assertThat(policy.initial(backlog).mode()).isEqualTo(EdgePowerMode.ECO);
    assertThat(policy.initial(new EdgePowerState(0.9, true, 40, 100, 100)).mode()).isEqualTo(EdgePowerMode.FULL);
  }

  @Test
  void heatSlowsEvenWhenChargingWithHysteresis() {
    EdgeTickDecision hot = policy.initial(new EdgePowerState(1, true, 76, 0, 100));
    assertThat(hot.hot()).isTrue();
    assertThat(hot.mode()).isEqualTo(EdgePowerMode.ECO);
    EdgeTickDecision cooling = policy.decide(new EdgePowerState(1, true, 72, 0, 100), hot);
    assertThat(cooling.hot()).isTrue();
    assertThat(policy.decide(new EdgePowerState(1, true, 70, 0, 100), cooling).mode()).isEqualTo(EdgePowerMode.FULL);
    assertThat(policy.initial(new EdgePowerState(1, true, 86, 0, 100)).mode()).isEqualTo(EdgePowerMode.CRITICAL);
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new EdgeTickPolicy(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minMs=0");
    assertThatThrownBy(() -> new EdgeTickPolicy(10, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> battery(1.2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.2");
  }

  @Property
  void intervalsStayWithinTheBoundsAndNeverGetFasterAsChargeFalls(
      @ForAll @DoubleRange(min = 0, max = 1) double soc, @ForAll @DoubleRange(min = 0, max = 1) double lower,
      @ForAll @DoubleRange(min = -20, max = 100) double temperature, @ForAll @IntRange(max = 100) int depth,
      @ForAll @IntRange(min = 1, max = 1000) int min, @ForAll @IntRange(min = 0, max = 100_000) int extra) {
    EdgeTickPolicy bounded = new EdgeTickPolicy(min, min + extra);
    double low = Math.min(soc, lower);
    EdgeTickDecision high = bounded.initial(new EdgePowerState(soc, false, temperature, depth, 100));
    EdgeTickDecision lowDecision = bounded.initial(new EdgePowerState(low, false, temperature, depth, 100));
    assertThat(high.intervalMs()).isBetween((long) min, (long) min + extra);
    assertThat(lowDecision.intervalMs()).isGreaterThanOrEqualTo(high.intervalMs());
  }
}
