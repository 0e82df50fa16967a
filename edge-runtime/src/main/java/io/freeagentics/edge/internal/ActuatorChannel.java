package io.freeagentics.edge.internal;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import io.freeagentics.edge.EdgeIoException;
import io.freeagentics.profiles.ActuatorMapping;
import io.freeagentics.profiles.ActuatorOutput;

/**
 * One actuator of a profile opened through Pi4J: a digital output (value 0 = low, anything else = high) or a
 * hardware PWM output (value = duty cycle in percent; 0 switches it off). Off (low, 0 %) from opening until the first
 * action, and again at shutdown. Pi4J's {@code linuxfs-pwm} addresses the sysfs PWM channel, not the pin: BCM 12 and
 * 18 are channel 0, BCM 13 and 19 channel 1 (Pi 3/4/Zero 2 W); other providers address the BCM pin.
 */
public final class ActuatorChannel {
  private static final String LINUXFS_PWM = "linuxfs-pwm";

  private final ActuatorMapping mapping;
  private final String provider;
  private final DigitalOutput digital;
  private final Pwm pwm;

  private ActuatorChannel(ActuatorMapping mapping, String provider, DigitalOutput digital, Pwm pwm) {
    this.mapping = mapping;
    this.provider = provider;
    this.digital = digital;
    this.pwm = pwm;
  }

  /**
   * Opens the actuator's Pi4J output, with the Pi4J I/O id the actuator's name.
   *
   * @throws EdgeIoException when Pi4J has no provider for it or cannot open it
   */
  public static ActuatorChannel open(Context pi4j, ActuatorMapping mapping) throws EdgeIoException {
    try {
      if (mapping.output() instanceof ActuatorOutput.Pwm out) {
        String provider = Pi4jProviders.resolve(pi4j, describe(mapping), mapping.provider(), IOType.PWM);
        Pwm pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id(mapping.name()).name(mapping.name())
            .address(provider.equals(LINUXFS_PWM) ? sysfsChannel(out.pin()) : out.pin()).pwmType(PwmType.HARDWARE)
            .frequency(out.frequencyHz()).dutyCycle(0).initial(0).shutdown(0).provider(provider));
        return new ActuatorChannel(mapping, provider, null, pwm);
      }
      ActuatorOutput.Gpio out = (ActuatorOutput.Gpio) mapping.output();
      String provider = Pi4jProviders.resolve(pi4j, describe(mapping), mapping.provider(), IOType.DIGITAL_OUTPUT);
      DigitalOutput digital = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(mapping.name())
          .name(mapping.name()).address(out.pin()).initial(DigitalState.LOW).shutdown(DigitalState.LOW)
          .provider(provider));
      return new ActuatorChannel(mapping, provider, digital, null);
    } catch (RuntimeException e) {
      throw new EdgeIoException("actuator " + describe(mapping) + " could not be opened: " + e.getMessage(), e);
    }
  }

  /** The actuator's name in the profile. */
  public String name() {
    return mapping.name();
  }

  /** The control factor it follows. */
  public int factor() {
    return mapping.factor();
  }

  /** The Pi4J provider in use (the profile's, or its mock stand-in). */
  public String provider() {
    return provider;
  }

  /** {@code name[provider]}, naming the profile's provider too when a mock stands in for it. */
  public String label() {
    return mapping.name() + "[" + provider + (provider.equals(mapping.provider()) ? ""
        : " standing in for " + mapping.provider()) + "]";
  }

  /**
   * Writes the profile's value for {@code action}.
   *
   * @throws EdgeIoException naming the actuator when Pi4J fails to write
   */
  public void apply(int action) throws EdgeIoException {
    double value = mapping.valueFor(action);
    try {
      if (digital != null) {
        digital.state(value != 0 ? DigitalState.HIGH : DigitalState.LOW);
      } else if (value == 0) {
        pwm.off();
      } else {
        pwm.on(value);
      }
    } catch (RuntimeException e) {
      throw new EdgeIoException("actuator " + describe(mapping) + " rejected value " + value + " (action " + action
          + "): " + e.getMessage(), e);
    }
  }

  private static int sysfsChannel(int pin) {
    return pin == 12 || pin == 18 ? 0 : 1;
  }

  private static String describe(ActuatorMapping mapping) {
    return mapping.name() + (mapping.output() instanceof ActuatorOutput.Pwm p ? " (PWM GPIO " + p.pin() + ")"
        : " (GPIO " + mapping.output().pin() + ")");
  }
}
