package io.freeagentics.profiles;

import java.util.List;

/**
 * One actuator driven by one control factor: the action chosen for that factor selects the output value.
 *
 * @param name     unique name within the profile
 * @param output   where the value is written
 * @param provider Pi4J provider id (e.g. {@code linuxfs-pwm}, {@code mock-digital-output})
 * @param factor   control factor index
 * @param values   values[u] is written for action u; its size is the factor's number of actions
 */
public record ActuatorMapping(String name, ActuatorOutput output, String provider, int factor,
                              List<Double> values) {
    public ActuatorMapping {
        Checks.notBlank(name, "name");
        Checks.notNull(output, "output");
        Checks.notBlank(provider, "provider");
        Checks.atLeast(factor, 0, "factor");
        values = List.copyOf(Checks.notNull(values, "values"));
        if (values.size() < 2) {
            throw new IllegalArgumentException("values must hold at least 2 actions for " + name + ", got " + values);
        }
    }

    /** Number of actions of the factor this actuator follows. */
    public int actions() {
        return values.size();
    }

    /** The output value for an action index. */
    public double valueFor(int action) {
        if (action < 0 || action >= values.size()) {
            throw new IllegalArgumentException(
                    "action must be in 0.." + (values.size() - 1) + " for " + name + ", got " + action);
        }
        return values.get(action);
    }
}
