package io.freeagentics.profiles;

/** Where an actuator writes: a digital output pin or a PWM channel. */
public sealed interface ActuatorOutput permits ActuatorOutput.Gpio, ActuatorOutput.Pwm {

    /** BCM GPIO number of the output. */
    int pin();

    /**
     * A digital output pin; action values are levels 0 or 1.
     *
     * @param pin BCM GPIO number (0..27)
     */
    record Gpio(int pin) implements ActuatorOutput {
        public Gpio {
            SensorInput.checkPin(pin);
        }
    }

    /**
     * A PWM output; action values are duty cycles in percent.
     *
     * @param pin         BCM GPIO number (0..27)
     * @param frequencyHz PWM frequency
     */
    record Pwm(int pin, int frequencyHz) implements ActuatorOutput {
        public Pwm {
            SensorInput.checkPin(pin);
            Checks.atLeast(frequencyHz, 1, "frequencyHz");
        }
    }
}
