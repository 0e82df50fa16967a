package io.freeagentics.edge.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.profiles.ActuatorMapping;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.SensorMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a generative model fits a profile's sensor and actuator wiring: the model's modalities are exactly the
 * profile's sensor modalities (each fed by one sensor, with the same number of outcomes), and every control factor
 * the agents can act on (more than one control) is carried out by the profile's actuators with one output value per
 * action. Factors with a single control need no actuator. Each problem names both sides.
 */
public final class WiringFit {
  private WiringFit() {}

  /** The problems, one a line; empty when the model fits. */
  public static List<String> problems(DeviceProfile profile, GenerativeModel model) {
    List<String> problems = new ArrayList<>();
    int[] outcomes = profile.observationOutcomes();
    if (outcomes.length != model.numModalities()) {
      problems.add("observation modalities: the model has " + model.numModalities() + " (numObs "
          + Arrays.toString(model.numObs()) + "), the profile's sensors feed " + outcomes.length + " (outcomes "
          + Arrays.toString(outcomes) + ")");
    }
    for (int m = 0; m < Math.min(outcomes.length, model.numModalities()); m++) {
      List<SensorMapping> feeding = sensorsOf(profile, m);
      if (model.numObs(m) != outcomes[m]) {
        problems.add("modality " + m + ": the model has " + model.numObs(m) + " outcomes, sensor "
            + names(feeding) + " codes " + outcomes[m]);
      }
      if (feeding.size() > 1) {
        problems.add("modality " + m + ": fed by " + feeding.size() + " sensors " + names(feeding)
            + "; profile I/O needs one sensor per modality (two readings give no single outcome)");
      }
    }
    int[] actions = profile.controlActions();
    for (int f = 0; f < actions.length; f++) {
      List<ActuatorMapping> driven = actuatorsOf(profile, f);
      if (f >= model.numFactors()) {
        problems.add("factor " + f + ": actuator " + names(driven) + " follows it, but the model has only "
            + model.numFactors() + " factors (numControls " + Arrays.toString(model.numControls()) + ")");
      } else if (model.numControls(f) != actions[f]) {
        problems.add("factor " + f + ": the model has " + model.numControls(f) + " controls, actuator "
            + names(driven) + " has " + actions[f] + " values (one per action)");
      }
    }
    for (int f = actions.length; f < model.numFactors(); f++) {
      if (model.numControls(f) > 1) {
        problems.add("factor " + f + ": the model has " + model.numControls(f)
            + " controls, but no actuator of the profile follows it");
      }
    }
    return problems;
  }

  /** The problems as one message naming the model and the profile; call only when there are problems. */
  public static String describe(DeviceProfile profile, GenerativeModel model, List<String> problems) {
    return "model " + modelName(model) + " does not fit the sensor/actuator wiring of profile " + profile.id() + " ("
        + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  "
        + String.join("\n  ", problems);
  }

  /** The model's name for messages. */
  public static String modelName(GenerativeModel model) {
    return model.name().isEmpty() ? "(unnamed)" : "'" + model.name() + "'";
  }

  static List<SensorMapping> sensorsOf(DeviceProfile profile, int modality) {
    return profile.sensors().stream().filter(s -> s.modality() == modality).toList();
  }

  static List<ActuatorMapping> actuatorsOf(DeviceProfile profile, int factor) {
    return profile.actuators().stream().filter(a -> a.factor() == factor).toList();
  }

  private static String names(List<?> mappings) {
    return mappings.stream().map(m -> m instanceof SensorMapping s ? s.name() : ((ActuatorMapping) m).name())
        .collect(Collectors.joining(", "));
  }
}
