package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.WiringFit;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.DeviceProfiles;
import io.freeagentics.profiles.SensorMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiringFitTest {

  private static DeviceProfile withSensors(DeviceProfile p, List<SensorMapping> sensors) {
    return new DeviceProfile(p.id(), p.name(), p.cpu(), p.ramMb(), p.jvm(), p.maxAgents(), p.tick(), p.engine(),
        p.power(), sensors, p.actuators(), p.source());
  }

  @Test
  void theGardenModelFitsEveryBuiltInProfile() throws Exception {
    for (String id : DeviceProfiles.builtInIds()) {
      assertThat(WiringFit.problems(DeviceProfiles.builtIn(id), GardenModel.create())).as(id).isEmpty();
    }
  }

  @Test
  void aModalityWithTwoSensorsDoesNotFit() throws Exception {
    DeviceProfile sim = DeviceProfiles.builtIn("sim");
    List<SensorMapping> sensors = new ArrayList<>(sim.sensors());
    SensorMapping light = sensors.get(1);
    SensorMapping motion = sensors.get(2);
    sensors.set(2, new SensorMapping(motion.name(), motion.input(), motion.provider(), light.modality(),
        motion.outcomes(), motion.coding()));
    DeviceProfile twoOnLight = withSensors(sim, sensors);
    assertThat(WiringFit.problems(twoOnLight, GardenModel.create()))
        .contains("observation modalities: the model has 3 (numObs [3, 2, 2]), the profile's sensors feed 2 "
            + "(outcomes [3, 2])")
        .anySatisfy(p -> assertThat(p).startsWith("modality 1: fed by 2 sensors light, motion"));
  }

  @Test
  void aControllableFactorWithoutActuatorDoesNotFit() throws Exception {
    GenerativeModel garden = GardenModel.create();
    DeviceProfile sim = DeviceProfiles.builtIn("sim");
    DeviceProfile pumpOnly = new DeviceProfile(sim.id(), sim.name(), sim.cpu(), sim.ramMb(), sim.jvm(),
        sim.maxAgents(), sim.tick(), sim.engine(), sim.power(), sim.sensors(), sim.actuators().subList(0, 1),
        sim.source());
    assertThat(WiringFit.problems(pumpOnly, garden))
        .containsExactly("factor 1: the model has 3 controls, but no actuator of the profile follows it");
    assertThat(WiringFit.describe(pumpOnly, garden, WiringFit.problems(pumpOnly, garden)))
        .isEqualTo("model 'garden' does not fit the sensor/actuator wiring of profile sim (1 problem):\n"
            + "  factor 1: the model has 3 controls, but no actuator of the profile follows it");
  }
}
