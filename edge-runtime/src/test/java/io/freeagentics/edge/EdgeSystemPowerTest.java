package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeSystemPowerTest {
  @TempDir Path sys;

  @Test
  void withoutABatteryTheBoardIsOnMainsWithUnknownTemperature() {
    EdgePowerState state = new EdgeSystemPower(sys).read(3, 10);
    assertThat(state.charging()).isTrue();
    assertThat(state.stateOfCharge()).isEqualTo(1.0);
    assertThat(state.temperatureC()).isNaN();
    assertThat(state.outboxDepth()).isEqualTo(3);
  }

  @Test
  void readsChargeStatusAndTemperatureFromSysfs() throws Exception {
    Path battery = Files.createDirectories(sys.resolve("class/power_supply/BAT0"));
    Files.writeString(battery.resolve("type"), "Battery\n");
    Files.writeString(battery.resolve("capacity"), "42\n");
    Files.writeString(battery.resolve("status"), "Discharging\n");
    Path thermal = Files.createDirectories(sys.resolve("class/thermal/thermal_zone0"));
    Files.writeString(thermal.resolve("temp"), "61500\n");
    EdgePowerState state = new EdgeSystemPower(sys).read(0, 10);
    assertThat(state.stateOfCharge()).isEqualTo(0.42);
    assertThat(state.charging()).isFalse();
    assertThat(state.temperatureC()).isEqualTo(61.5);
  }
}
