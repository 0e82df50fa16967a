package io.freeagentics.edge;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;

/**
 * The mock side of the built-in profiles' wiring in a Pi4J mock context: sets what the sensors will read (I2C
 * words queue up, one per read, as Pi4J's mock I2C device does) and reads what the actuators were set to.
 */
final class ProfileWiringMocks {
  private final Context pi4j;

  ProfileWiringMocks(Context pi4j) {
    this.pi4j = pi4j;
  }

  /** Queues one reading of the soil-moisture ADC (I2C register 0). */
  ProfileWiringMocks soil(int word) {
    pi4j.io("soil-moisture", MockI2C.class).writeRegister(0, bigEndian(word), 0, 2);
    return this;
  }

  /** Queues one reading of the light sensor (an I2C device read, no register). */
  ProfileWiringMocks light(int word) {
    pi4j.io("light", MockI2C.class).write(bigEndian(word), 0, 2);
    return this;
  }

  /** Sets the motion sensor's level. */
  ProfileWiringMocks motion(boolean high) {
    pi4j.io("motion", MockDigitalInput.class).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    return this;
  }

  boolean pumpOn() {
    return pi4j.io("pump", DigitalOutput.class).state() == DigitalState.HIGH;
  }

  /** The lamp's duty cycle in percent, 0 when it is off. */
  double lampDuty() {
    Pwm lamp = pi4j.io("lamp", Pwm.class);
    return lamp.isOn() ? lamp.dutyCycle() : 0;
  }

  private static byte[] bigEndian(int word) {
    return new byte[] {(byte) (word >>> 8), (byte) word};
  }
}
