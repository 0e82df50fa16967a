package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.DeviceProfiles;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EdgeIoFactoryTest {
  private static final int AGENTS = 2;

  private static EdgeProfileSettings settings(String id) throws Exception {
    return ProfileSupport.settings(id, DeviceProfiles.builtIn(id));
  }

  @Test
  void simulatedIsChosenWhenAsked() throws Exception {
    try (EdgeIo io = EdgeIoFactory.open(EdgeIoSelection.SIMULATED, settings("rpi-4b-4gb"), GardenModel.create(),
        AGENTS, 1)) {
      assertThat(io).isInstanceOf(EdgeSimulatedIo.class);
    }
  }

  @Test
  void autoSimulatesTheSimProfile() throws Exception {
    try (EdgeIo io = EdgeIoFactory.open(EdgeIoSelection.AUTO, settings("sim"), GardenModel.create(), AGENTS, 1)) {
      assertThat(io).isInstanceOf(EdgeSimulatedIo.class);
    }
  }

  @Test
  void autoSimulatesAModelThatDoesNotFitTheWiring() throws Exception {
    try (EdgeIo io = EdgeIoFactory.open(EdgeIoSelection.AUTO, settings("rpi-4b-4gb"), ModelCatalog.resolve("grid:3"),
        AGENTS, 1)) {
      assertThat(io).isInstanceOf(EdgeSimulatedIo.class);
    }
  }

  @Test
  void autoSimulatesOffTheBoardWhereTheHardwareProvidersAreAbsent() throws Exception {
    // This machine is not a Raspberry Pi and the runtime has no gpiod/linuxfs plugins: nothing would drive the
    // mock stand-ins' inputs.
    try (EdgeIo io = EdgeIoFactory.open(EdgeIoSelection.AUTO, settings("rpi-4b-4gb"), GardenModel.create(), AGENTS,
        1)) {
      assertThat(io).isInstanceOf(EdgeSimulatedIo.class);
    }
  }

  @Test
  void profileRunsABoardsWiringOnMockStandInsOffTheBoard() throws Exception {
    try (EdgeIo io = EdgeIoFactory.open(EdgeIoSelection.PROFILE, settings("rpi-zero-2w"), GardenModel.create(),
        AGENTS, 1)) {
      assertThat(io).isInstanceOf(EdgeProfileIo.class);
      assertThat(io.description()).contains("profile I/O of rpi-zero-2w",
          "soil-moisture[mock-i2c standing in for linuxfs-i2c]",
          "motion[mock-digital-input standing in for gpiod-digital-input]",
          "pump[mock-digital-output standing in for gpiod-digital-output]",
          "lamp[mock-pwm standing in for linuxfs-pwm]");
    }
  }

  @Test
  void profileRefusesAModelThatDoesNotFitNamingBothSides() throws Exception {
    GenerativeModel tmaze = ModelCatalog.resolve("tmaze");
    assertThatThrownBy(() -> EdgeIoFactory.open(EdgeIoSelection.PROFILE, settings("rpi-5"), tmaze, AGENTS, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model 'tmaze' does not fit the sensor/actuator wiring of profile rpi-5")
        .hasMessageContaining("factor 0: the model has 4 controls, actuator pump has 2 values");
  }

  @Test
  void theSelectionIsReadFromTheCommandLineInAnyCase() {
    EdgeIoSelection.Converter converter = new EdgeIoSelection.Converter();
    assertThat(converter.convert("profile")).isEqualTo(EdgeIoSelection.PROFILE);
    assertThat(converter.convert("Simulated")).isEqualTo(EdgeIoSelection.SIMULATED);
    assertThat(converter.convert("AUTO")).isEqualTo(EdgeIoSelection.AUTO);
    assertThatThrownBy(() -> converter.convert("hardware")).isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("--io must be one of auto, profile, simulated but was 'hardware'");
  }
}
