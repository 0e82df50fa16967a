package io.freeagentics.profiles;

import java.util.List;

/**
 * Everything the edge runtime needs to know about one board, validated. Immutable.
 *
 * @param id        profile id, e.g. {@code rpi-4b-4gb}
 * @param name      board name for people
 * @param cpu       processor
 * @param ramMb     physical RAM in MiB
 * @param jvm       JVM flags and the memory budget they set
 * @param maxAgents most agents the runtime may host at once
 * @param tick      allowed tick interval range
 * @param engine    inference engine
 * @param power     power model
 * @param sensors   sensor to observation modality wiring; modalities are 0..M-1
 * @param actuators control factor to actuator wiring; factors are 0..F-1
 * @param source    citations for the hardware and power figures
 */
public record DeviceProfile(String id, String name, CpuSpec cpu, int ramMb, JvmOptions jvm, int maxAgents,
                            TickBounds tick, Engine engine, PowerModel power, List<SensorMapping> sensors,
                            List<ActuatorMapping> actuators, String source) {
    public DeviceProfile {
        Checks.notBlank(id, "id");
        Checks.notBlank(name, "name");
        Checks.notNull(cpu, "cpu");
        Checks.atLeast(ramMb, 1, "ramMb");
        Checks.notNull(jvm, "jvm");
        Checks.atLeast(maxAgents, 1, "maxAgents");
        Checks.notNull(tick, "tick");
        Checks.notNull(engine, "engine");
        Checks.notNull(power, "power");
        sensors = List.copyOf(Checks.notNull(sensors, "sensors"));
        actuators = List.copyOf(Checks.notNull(actuators, "actuators"));
        Checks.notBlank(source, "source");
    }

    /** Number of outcomes per observation modality (numObs), in modality order. */
    public int[] observationOutcomes() {
        int modalities = sensors.stream().mapToInt(SensorMapping::modality).max().orElse(-1) + 1;
        int[] outcomes = new int[modalities];
        for (SensorMapping s : sensors) {
            outcomes[s.modality()] = s.outcomes();
        }
        return outcomes;
    }

    /** Number of actions per control factor (numControls of the actuated factors), in factor order. */
    public int[] controlActions() {
        int factors = actuators.stream().mapToInt(ActuatorMapping::factor).max().orElse(-1) + 1;
        int[] actions = new int[factors];
        for (ActuatorMapping a : actuators) {
            actions[a.factor()] = a.actions();
        }
        return actions;
    }
}
