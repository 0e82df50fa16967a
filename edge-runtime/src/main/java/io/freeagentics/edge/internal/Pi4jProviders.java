package io.freeagentics.edge.internal;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import io.freeagentics.edge.EdgeIoException;
import java.util.Map;

/**
 * Which Pi4J provider a profile mapping uses: the one the profile names when this Pi4J context has it; otherwise
 * (off the board, where Pi4J runs its mock platform) the mock provider of the same kind, a stand-in the I/O's
 * description names.
 */
public final class Pi4jProviders {
  private static final Map<IOType, String> MOCK_IDS = Map.of(IOType.DIGITAL_INPUT, "mock-digital-input",
      IOType.I2C, "mock-i2c", IOType.DIGITAL_OUTPUT, "mock-digital-output", IOType.PWM, "mock-pwm");

  private Pi4jProviders() {}

  /**
   * The provider id to create {@code mapping}'s I/O with.
   *
   * @throws EdgeIoException when the context has neither the named provider nor a mock stand-in
   */
  public static String resolve(Context pi4j, String mapping, String named, IOType type) throws EdgeIoException {
    if (pi4j.hasProvider(named)) {
      return named;
    }
    String mock = MOCK_IDS.get(type);
    if (mock != null && pi4j.hasProvider(mock)) {
      return mock;
    }
    throw new EdgeIoException("Pi4J has no provider '" + named + "' for " + mapping + " (and no " + mock
        + " stand-in): add the Pi4J plugin that provides it to the runtime's class path");
  }

  /** Whether {@code id} names a mock provider. */
  public static boolean isMock(String id) {
    return id.startsWith("mock-");
  }
}
