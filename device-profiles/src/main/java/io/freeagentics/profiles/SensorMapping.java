package io.freeagentics.profiles;

/**
 * One sensor wired to one observation modality of the agents' generative model.
 *
 * @param name     unique name within the profile
 * @param input    where the value is read
 * @param provider Pi4J provider id (e.g. {@code linuxfs-i2c}, {@code mock-digital-input})
 * @param modality observation modality index
 * @param outcomes number of outcomes of that modality
 * @param coding   reading to outcome
 */
public record SensorMapping(String name, SensorInput input, String provider, int modality, int outcomes,
                            OutcomeCoding coding) {
    public SensorMapping {
        Checks.notBlank(name, "name");
        Checks.notNull(input, "input");
        Checks.notBlank(provider, "provider");
        Checks.atLeast(modality, 0, "modality");
        Checks.notNull(coding, "coding");
        if (coding.outcomes() != outcomes) {
            throw new IllegalArgumentException("outcomes must equal the coding's " + coding.outcomes()
                    + " for sensor " + name + ", got " + outcomes);
        }
    }
}
