package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.EdgeOutgoing;
import io.freeagentics.edge.EdgePowerState;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Telemetry is due one interval after start and each interval after the last one, and carries the device's state. */
class EdgeTelemetrySourceTest {

  @Test
  void dueEveryIntervalFromTheStart() {
    EdgeTelemetrySource source = new EdgeTelemetrySource("dev-1", 2);
    EdgePowerState power = new EdgePowerState(0.5, false, 47.25, 3, 100);
    assertThat(source.due(1_000, 10)).as("first look: the clock starts").isFalse();
    assertThat(source.due(10_999, 10)).isFalse();
    assertThat(source.due(11_000, 10)).isTrue();
    source.telemetry(11_500, 10, power, true, 1000, 25, 3, 100);
    assertThat(source.due(21_000, 10)).isFalse();
    assertThat(source.due(21_500, 10)).isTrue();
    assertThat(source.due(21_500, 1)).as("a shorter interval applies at once").isTrue();
  }

  @Test
  void theMessageCarriesBatteryTemperatureTickSpoolAndMemory() throws Exception {
    EdgeTelemetrySource source = new EdgeTelemetrySource("dev-1", 2);
    EdgeOutgoing outgoing = source.telemetry(5_000, 10, new EdgePowerState(0.5, false, 47.25, 3, 100), true, 1000,
        25, 3, 100);
    assertThat(outgoing.topic()).isEqualTo("telemetry");
    assertThat(outgoing.priority()).isEqualTo(2);
    Telemetry telemetry = (Telemetry) WireCodec.decode(outgoing.payload());
    assertThat(telemetry.header().timestampMillis()).isEqualTo(5_000);
    assertThat(telemetry.batteryPerMille()).isEqualTo(OptionalInt.of(500));
    assertThat(telemetry.charging()).isFalse();
    assertThat(telemetry.temperatureDeciCelsius()).isEqualTo(OptionalInt.of(473));
    assertThat(telemetry.tickIntervalMillis()).isEqualTo(1000);
    assertThat(telemetry.agents()).isEqualTo(25);
    assertThat(telemetry.spoolDepth()).isEqualTo(3);
    assertThat(telemetry.spoolCapacity()).isEqualTo(100);
    assertThat(telemetry.memoryUsedBytes()).isPositive().isLessThanOrEqualTo(telemetry.memoryMaxBytes());
  }

  @Test
  void mainsPowerAndAnUnknownTemperatureAreLeftOut() throws Exception {
    EdgeOutgoing outgoing = new EdgeTelemetrySource("dev-1", 2).telemetry(5_000, 10,
        new EdgePowerState(1, true, Double.NaN, 100, 100), false, 500, 4, 120, 100);
    Telemetry telemetry = (Telemetry) WireCodec.decode(outgoing.payload());
    assertThat(telemetry.batteryPerMille()).isEmpty();
    assertThat(telemetry.temperatureDeciCelsius()).isEmpty();
    assertThat(telemetry.charging()).isTrue();
    assertThat(telemetry.spoolCapacity()).as("a lowered capacity: never below the depth").isEqualTo(120);
  }
}
