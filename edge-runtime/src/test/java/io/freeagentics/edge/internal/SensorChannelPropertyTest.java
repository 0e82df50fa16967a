package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import io.freeagentics.edge.EdgeIoException;
import io.freeagentics.profiles.ActuatorMapping;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.DeviceProfiles;
import io.freeagentics.profiles.SensorMapping;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SensorChannelPropertyTest {

  private static SensorMapping sensor(DeviceProfile profile, String name) {
    return profile.sensors().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static ActuatorMapping actuator(DeviceProfile profile, String name) {
    return profile.actuators().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  /** An I2C word goes through Pi4J big-endian and unsigned, then the profile's thresholds. */
  @Property(tries = 50)
  void i2cWordsAreCodedByTheProfilesThresholds(
      @ForAll @Size(min = 1, max = 20) List<@IntRange(max = 0xFFFF) Integer> words) throws Exception {
    DeviceProfile profile = DeviceProfiles.builtIn("rpi-3b-plus");
    SensorMapping soil = sensor(profile, "soil-moisture");
    Context pi4j = Pi4jPlatforms.mock();
    try {
      SensorChannel channel = SensorChannel.open(pi4j, soil);
      assertThat(channel.provider()).as("mock stand-in for linuxfs-i2c").isEqualTo("mock-i2c");
      MockI2C device = pi4j.io("soil-moisture", MockI2C.class);
      for (int word : words) {
        device.writeRegister(0, new byte[] {(byte) (word >>> 8), (byte) word}, 0, 2);
      }
      for (int word : words) {
        assertThat(channel.readOutcome()).as("word %d", word).isEqualTo(soil.coding().outcomeOf(word));
      }
      assertThatThrownBy(channel::readOutcome).isInstanceOf(EdgeIoException.class)
          .hasMessageContaining("soil-moisture (I2C bus 1 device 0x48 register 0) returned 0 of 2 bytes");
    } finally {
      pi4j.shutdown();
    }
  }

  @Test
  void aDigitalSensorCodesItsActiveLevel() throws Exception {
    DeviceProfile profile = DeviceProfiles.builtIn("sim");
    Context pi4j = Pi4jPlatforms.mock();
    try {
      SensorChannel motion = SensorChannel.open(pi4j, sensor(profile, "motion"));
      MockDigitalInput pin = pi4j.io("motion", MockDigitalInput.class);
      pin.mockState(DigitalState.HIGH);
      assertThat(motion.readOutcome()).isEqualTo(1);
      pin.mockState(DigitalState.LOW);
      assertThat(motion.readOutcome()).isZero();
      pin.mockState(DigitalState.UNKNOWN);
      assertThatThrownBy(motion::readOutcome).isInstanceOf(EdgeIoException.class)
          .hasMessage("sensor motion (GPIO 17) has no level (state UNKNOWN)");
    } finally {
      pi4j.shutdown();
    }
  }

  @Test
  void actuatorsWriteTheProfilesValueForEachAction() throws Exception {
    DeviceProfile profile = DeviceProfiles.builtIn("sim");
    Context pi4j = Pi4jPlatforms.mock();
    try {
      ActuatorChannel pump = ActuatorChannel.open(pi4j, actuator(profile, "pump"));
      ActuatorChannel lamp = ActuatorChannel.open(pi4j, actuator(profile, "lamp"));
      DigitalOutput pumpPin = pi4j.io("pump", DigitalOutput.class);
      Pwm lampPwm = pi4j.io("lamp", Pwm.class);
      assertThat(pumpPin.state()).isEqualTo(DigitalState.LOW);
      assertThat(lampPwm.isOn()).isFalse();
      pump.apply(1);
      lamp.apply(1);
      assertThat(pumpPin.state()).isEqualTo(DigitalState.HIGH);
      assertThat(lampPwm.isOn()).isTrue();
      assertThat(lampPwm.dutyCycle()).isEqualTo(50f);
      assertThat(lampPwm.frequency()).isEqualTo(1000);
      lamp.apply(2);
      assertThat(lampPwm.dutyCycle()).isEqualTo(100f);
      pump.apply(0);
      lamp.apply(0);
      assertThat(pumpPin.state()).isEqualTo(DigitalState.LOW);
      assertThat(lampPwm.isOn()).isFalse();
      assertThatThrownBy(() -> lamp.apply(3)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("action must be in 0..2 for lamp, got 3");
    } finally {
      pi4j.shutdown();
    }
  }
}
