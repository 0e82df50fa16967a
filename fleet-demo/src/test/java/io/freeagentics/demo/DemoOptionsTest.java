package io.freeagentics.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  @Test
  void acceptsTheDefaults() {
    DemoOptions options = new DemoOptions(50, 25, 30, 1000, DemoOptions.defaultHosts(50), false, 1, "grid:5",
        Path.of("x"));
    assertThat(options.hosts()).isEqualTo(1);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new DemoOptions(0, 0, 0, 5, 3, false, 1, " ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--devices must be in 1..100000 but was 0")
        .hasMessageContaining("--agents must be in 1..10000 but was 0")
        .hasMessageContaining("--duration must be in 1..86400 seconds but was 0")
        .hasMessageContaining("--tick-ms must be in 10..60000 but was 5")
        .hasMessageContaining("--model must not be blank")
        .hasMessageContaining("--data must be given");
  }

  @Test
  void hostsCannotOutnumberDevices() {
    assertThatThrownBy(() -> new DemoOptions(2, 1, 1, 1000, 3, false, 1, "grid:5", Path.of("x")))
        .hasMessageContaining("--hosts must be in 1..devices (2) but was 3");
  }

  @Test
  void defaultHostsGrowWithTheFleetUpToEight() {
    assertThat(DemoOptions.defaultHosts(1)).isEqualTo(1);
    assertThat(DemoOptions.defaultHosts(250)).isEqualTo(1);
    assertThat(DemoOptions.defaultHosts(251)).isEqualTo(2);
    assertThat(DemoOptions.defaultHosts(1000)).isEqualTo(4);
    assertThat(DemoOptions.defaultHosts(100_000)).isEqualTo(8);
  }
}
