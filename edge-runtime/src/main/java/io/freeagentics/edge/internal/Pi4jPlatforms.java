package io.freeagentics.edge.internal;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.definition.BoardModel;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import io.freeagentics.edge.EdgeIoException;
import io.freeagentics.profiles.DeviceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Pi4J context for a profile's wiring. A wiring of mock providers ({@code mock-…}) gets Pi4J's mock platform.
 * A wiring of hardware providers gets Pi4J's auto-detected context when it has every provider the profile names (on
 * the board); off the board (no Raspberry Pi detected, providers absent) the mock platform stands in, so the same
 * profile runs on a development machine; on a detected Raspberry Pi a missing provider is an error, never a silent
 * mock.
 */
public final class Pi4jPlatforms {
  private Pi4jPlatforms() {}

  /** A Pi4J context and whether it is the mock platform (then mock providers stand in for hardware ones). */
  public record Platform(Context context, boolean mock) {}

  /** A Pi4J context with the mock platform and the mock digital input/output, I2C and PWM providers only. */
  public static Context mock() {
    return Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
        .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
            MockI2CProvider.newInstance(), MockPwmProvider.newInstance())
        .build();
  }

  /**
   * The context for the profile's wiring, as the class describes.
   *
   * @throws EdgeIoException on a Raspberry Pi whose Pi4J lacks a provider the profile names, or when Pi4J cannot
   *     start
   */
  public static Platform forProfile(DeviceProfile profile) throws EdgeIoException {
    List<String> named = providers(profile);
    if (named.stream().allMatch(Pi4jProviders::isMock)) {
      return new Platform(mock(), true);
    }
    Context detected;
    try {
      detected = Pi4J.newAutoContext();
    } catch (RuntimeException e) {
      throw new EdgeIoException("Pi4J could not start its auto-detected platform: " + e.getMessage(), e);
    }
    List<String> missing = named.stream().filter(id -> !detected.hasProvider(id)).toList();
    if (missing.isEmpty()) {
      return new Platform(detected, false);
    }
    BoardModel board;
    try {
      board = detected.boardInfo().getBoardModel();
    } catch (RuntimeException e) {
      detected.shutdown();
      throw new EdgeIoException("Pi4J has none of the providers " + missing + " that profile " + profile.id()
          + " needs, and could not tell whether this is a Raspberry Pi: " + e.getMessage(), e);
    }
    detected.shutdown();
    if (board != null && board != BoardModel.UNKNOWN) {
      throw new EdgeIoException("profile " + profile.id() + " needs the Pi4J providers " + missing + ", which this "
          + "runtime does not have on this " + board.getLabel() + ": add the Pi4J plugins that provide them");
    }
    return new Platform(mock(), true);
  }

  /** The distinct provider ids the profile names, sorted. */
  public static List<String> providers(DeviceProfile profile) {
    TreeSet<String> ids = new TreeSet<>();
    profile.sensors().forEach(s -> ids.add(s.provider()));
    profile.actuators().forEach(a -> ids.add(a.provider()));
    return new ArrayList<>(ids);
  }
}
