package io.freeagentics.edge.internal;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import io.freeagentics.edge.EdgeIoException;
import io.freeagentics.profiles.SensorInput;
import io.freeagentics.profiles.SensorMapping;

/**
 * One sensor of a profile opened through Pi4J, read and coded to an outcome of its modality. A GPIO sensor reads
 * the pin's level (1 high, 0 low); an I2C sensor reads a 16-bit big-endian unsigned word (0..65535) from its
 * register, or from the device itself when the profile gives no register (as the ADS1115 conversion register and
 * the BH1750 measurement the built-in profiles wire do). The profile's coding turns the reading into the outcome.
 */
public final class SensorChannel {
  private static final int WORD_BYTES = 2;

  private final SensorMapping mapping;
  private final String provider;
  private final DigitalInput pin;
  private final I2C i2c;
  private final byte[] word = new byte[WORD_BYTES];

  private SensorChannel(SensorMapping mapping, String provider, DigitalInput pin, I2C i2c) {
    this.mapping = mapping;
    this.provider = provider;
    this.pin = pin;
    this.i2c = i2c;
  }

  /**
   * Opens the sensor's Pi4J input, with the Pi4J I/O id the sensor's name.
   *
   * @throws EdgeIoException when Pi4J has no provider for it or cannot open it
   */
  public static SensorChannel open(Context pi4j, SensorMapping mapping) throws EdgeIoException {
    try {
      if (mapping.input() instanceof SensorInput.Gpio gpio) {
        String provider = Pi4jProviders.resolve(pi4j, describe(mapping), mapping.provider(), IOType.DIGITAL_INPUT);
        DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(mapping.name())
            .name(mapping.name()).address(gpio.pin()).pull(pull(gpio)).provider(provider));
        return new SensorChannel(mapping, provider, input, null);
      }
      SensorInput.I2c bus = (SensorInput.I2c) mapping.input();
      String provider = Pi4jProviders.resolve(pi4j, describe(mapping), mapping.provider(), IOType.I2C);
      I2C device = pi4j.create(I2C.newConfigBuilder(pi4j).id(mapping.name()).name(mapping.name())
          .bus(bus.bus()).device(bus.device()).provider(provider));
      return new SensorChannel(mapping, provider, null, device);
    } catch (RuntimeException e) {
      throw new EdgeIoException("sensor " + describe(mapping) + " could not be opened: " + e.getMessage(), e);
    }
  }

  /** The sensor's name in the profile. */
  public String name() {
    return mapping.name();
  }

  /** The observation modality it feeds. */
  public int modality() {
    return mapping.modality();
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
   * Reads the sensor and codes the reading.
   *
   * @throws EdgeIoException naming the sensor when the read fails or returns no value
   */
  public int readOutcome() throws EdgeIoException {
    double reading;
    try {
      reading = pin != null ? level() : word();
    } catch (RuntimeException e) {
      throw new EdgeIoException("sensor " + describe(mapping) + " failed: " + e.getMessage(), e);
    }
    return mapping.coding().outcomeOf(reading);
  }

  private int level() throws EdgeIoException {
    DigitalState state = pin.state();
    if (state == DigitalState.HIGH) {
      return 1;
    }
    if (state == DigitalState.LOW) {
      return 0;
    }
    throw new EdgeIoException("sensor " + describe(mapping) + " has no level (state " + state + ")");
  }

  private int word() throws EdgeIoException {
    SensorInput.I2c bus = (SensorInput.I2c) mapping.input();
    int read = bus.hasRegister() ? i2c.readRegister(bus.register(), word, 0, WORD_BYTES)
        : i2c.read(word, 0, WORD_BYTES);
    if (read != WORD_BYTES) {
      throw new EdgeIoException("sensor " + describe(mapping) + " returned " + Math.max(read, 0) + " of "
          + WORD_BYTES + " bytes");
    }
    return ((word[0] & 0xff) << 8) | (word[1] & 0xff);
  }

  private static PullResistance pull(SensorInput.Gpio gpio) {
    return switch (gpio.pull()) {
      case UP -> PullResistance.PULL_UP;
      case DOWN -> PullResistance.PULL_DOWN;
      case OFF -> PullResistance.OFF;
    };
  }

  private static String describe(SensorMapping mapping) {
    if (mapping.input() instanceof SensorInput.Gpio gpio) {
      return mapping.name() + " (GPIO " + gpio.pin() + ")";
    }
    SensorInput.I2c bus = (SensorInput.I2c) mapping.input();
    return mapping.name() + String.format(" (I2C bus %d device 0x%02x %s)", bus.bus(), bus.device(),
        bus.hasRegister() ? "register " + bus.register() : "without register");
  }
}
