package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import io.freeagentics.edge.internal.Pi4jPlatforms;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.DeviceProfiles;
import org.junit.jupiter.api.Test;

class EdgeProfileIoTest {
  private static final int AGENTS = 3;

  private static DeviceProfile sim() throws Exception {
    return DeviceProfiles.builtIn("sim");
  }

  @Test
  void codesTheSensorReadingsIntoOneObservationThatEveryAgentShares() throws Exception {
    Context pi4j = Pi4jPlatforms.mock();
    try (EdgeProfileIo io = new EdgeProfileIo(sim(), GardenModel.create(), AGENTS, pi4j)) {
      ProfileWiringMocks mocks = new ProfileWiringMocks(pi4j);
      mocks.soil(12_000).light(50).motion(true);
      io.beginTick(0);
      int[] observation = new int[3];
      for (int agent = 0; agent < AGENTS; agent++) {
        io.read(agent, observation);
        assertThat(observation).containsExactly(1, 0, 1);
      }
      // Thresholds count "at or below": 16000 is the third soil outcome, 100 lux the second light outcome.
      mocks.soil(16_000).light(100).motion(false);
      io.beginTick(1);
      io.read(1, observation);
      assertThat(observation).containsExactly(2, 1, 0);
      // Words are unsigned: 0xFFFF is 65535, not -1.
      mocks.soil(0xFFFF).light(99).motion(false);
      io.beginTick(2);
      io.read(2, observation);
      assertThat(observation).containsExactly(2, 0, 0);
      mocks.soil(7_999).light(0x0100).motion(true);
      io.beginTick(3);
      io.read(0, observation);
      assertThat(observation).containsExactly(0, 1, 1);
    }
  }

  @Test
  void aSensorWithoutDataFailsTheTicksObservationNamingTheSensor() throws Exception {
    Context pi4j = Pi4jPlatforms.mock();
    try (EdgeProfileIo io = new EdgeProfileIo(sim(), GardenModel.create(), AGENTS, pi4j)) {
      new ProfileWiringMocks(pi4j).light(500).motion(true);
      assertThatThrownBy(() -> io.beginTick(7)).isInstanceOf(EdgeIoException.class)
          .hasMessageContaining("tick 7").hasMessageContaining("soil-moisture")
          .hasMessageContaining("I2C bus 1 device 0x48 register 0").hasMessageContaining("returned 0 of 2 bytes")
          .hasMessageNotContaining("light");
      assertThatThrownBy(() -> io.read(0, new int[3])).isInstanceOf(EdgeIoException.class)
          .hasMessageContaining("sensors of profile sim were not read");
    }
  }

  @Test
  void everyFailingSensorIsNamedInOneError() throws Exception {
    Context pi4j = Pi4jPlatforms.mock();
    try (EdgeProfileIo io = new EdgeProfileIo(sim(), GardenModel.create(), AGENTS, pi4j)) {
      assertThatThrownBy(() -> io.beginTick(0)).isInstanceOf(EdgeIoException.class)
          .hasMessageContaining("soil-moisture").hasMessageContaining("light (I2C bus 1 device 0x23 without register)")
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }
  }

  @Test
  void actuatorsFollowTheMajorityActionAtTheEndOfTheTick() throws Exception {
    Context pi4j = Pi4jPlatforms.mock();
    try (EdgeProfileIo io = new EdgeProfileIo(sim(), GardenModel.create(), AGENTS, pi4j)) {
      ProfileWiringMocks mocks = new ProfileWiringMocks(pi4j);
      assertThat(mocks.pumpOn()).isFalse();
      assertThat(mocks.lampDuty()).isZero();
      mocks.soil(1).light(1).motion(false);
      io.beginTick(0);
      io.write(0, new int[] {1, 2});
      io.write(1, new int[] {1, 0});
      io.write(2, new int[] {0, 2});
      assertThat(mocks.pumpOn()).as("actuators move only at the end of the tick").isFalse();
      io.endTick(0);
      assertThat(mocks.pumpOn()).isTrue();
      assertThat(mocks.lampDuty()).isEqualTo(100);

      // A tie goes to the lowest action: pump 0 vs 1 -> off, lamp 1 vs 2 -> 50 %.
      mocks.soil(1).light(1);
      io.beginTick(1);
      io.write(0, new int[] {0, 1});
      io.write(2, new int[] {1, 2});
      io.endTick(1);
      assertThat(mocks.pumpOn()).isFalse();
      assertThat(mocks.lampDuty()).isEqualTo(50);

      // No agent acted: the outputs stay.
      mocks.soil(1).light(1);
      io.beginTick(2);
      io.endTick(2);
      assertThat(mocks.pumpOn()).isFalse();
      assertThat(mocks.lampDuty()).isEqualTo(50);
    }
    assertThat(pi4j.isShutdown()).isTrue();
  }

  @Test
  void anActionOutsideTheFactorIsAProgrammingError() throws Exception {
    try (EdgeProfileIo io = new EdgeProfileIo(sim(), GardenModel.create(), AGENTS, Pi4jPlatforms.mock())) {
      assertThatThrownBy(() -> io.write(0, new int[] {0, 3})).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("action[1] must be in 0..2 but was 3");
      assertThatThrownBy(() -> io.write(AGENTS, new int[] {0, 0})).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("agent must be in 0..2 but was 3");
    }
  }

  @Test
  void aModelThatDoesNotFitTheWiringIsRefusedNamingBothSides() throws Exception {
    Context pi4j = Pi4jPlatforms.mock();
    assertThatThrownBy(() -> new EdgeProfileIo(sim(), ModelCatalog.resolve("grid:3"), AGENTS, pi4j))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model 'grid:3' does not fit the sensor/actuator wiring of profile sim")
        .hasMessageContaining("observation modalities: the model has 1 (numObs [9]), the profile's sensors feed 3 "
            + "(outcomes [3, 2, 2])")
        .hasMessageContaining("modality 0: the model has 9 outcomes, sensor soil-moisture codes 3")
        .hasMessageContaining("factor 0: the model has 5 controls, actuator pump has 2 values")
        .hasMessageContaining("factor 1: actuator lamp follows it, but the model has only 1 factors");
    assertThat(pi4j.isShutdown()).as("the context is shut down when opening fails").isTrue();
  }

  @Test
  void describesTheWiringAndHowAgentsShareIt() throws Exception {
    try (EdgeProfileIo io = new EdgeProfileIo(sim(), GardenModel.create(), AGENTS, Pi4jPlatforms.mock())) {
      assertThat(io.description()).contains("profile I/O of sim", "soil-moisture[mock-i2c]",
          "motion[mock-digital-input]", "pump[mock-digital-output]", "lamp[mock-pwm]", "3 agents share them");
    }
  }
}
