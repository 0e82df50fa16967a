package io.freeagentics.profiles;

/** Where a sensor's value is read: a digital GPIO pin or a register of an I2C device. */
public sealed interface SensorInput permits SensorInput.Gpio, SensorInput.I2c {

    /**
     * A digital input pin.
     *
     * @param pin  BCM GPIO number (0..27)
     * @param pull bias resistor
     */
    record Gpio(int pin, Pull pull) implements SensorInput {
        public Gpio {
            checkPin(pin);
            Checks.notNull(pull, "pull");
        }
    }

    /**
     * An I2C device.
     *
     * @param bus      Linux bus number ({@code /dev/i2c-N})
     * @param device   7-bit device address
     * @param register register to read, or -1 for a device read without a register
     */
    record I2c(int bus, int device, int register) implements SensorInput {
        public I2c {
            Checks.atLeast(bus, 0, "bus");
            if (device < 0x08 || device > 0x77) {
                throw new IllegalArgumentException("device must be a 7-bit address 0x08..0x77, got " + device);
            }
            if (register < -1 || register > 255) {
                throw new IllegalArgumentException("register must be -1 (none) or 0..255, got " + register);
            }
        }

        /** True when a register is addressed. */
        public boolean hasRegister() {
            return register >= 0;
        }
    }

    /** Checks a BCM GPIO number of the 40-pin header. */
    static void checkPin(int pin) {
        if (pin < 0 || pin > 27) {
            throw new IllegalArgumentException("pin must be a BCM GPIO number 0..27, got " + pin);
        }
    }
}
