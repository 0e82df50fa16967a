package io.freeagentics.edge;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Which I/O {@code fa edge run --io} asks for: {@code profile} (the profile's sensors and actuators through Pi4J),
 * {@code simulated} (Pi4J mock inputs driven by a simulated world of the model), or {@code auto}: the profile's
 * I/O when the model fits its wiring and Pi4J has its hardware providers (on the board), simulated otherwise.
 */
public enum EdgeIoSelection {
  AUTO,
  PROFILE,
  SIMULATED;

  /** The name as the command line writes it. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The selection a command-line value names (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static EdgeIoSelection fromName(String value) {
    for (EdgeIoSelection selection : values()) {
      if (selection.optionName().equalsIgnoreCase(String.valueOf(value).trim())) {
        return selection;
      }
    }
    throw new IllegalArgumentException("--io must be one of " + Arrays.stream(values())
        .map(EdgeIoSelection::optionName).collect(Collectors.joining(", ")) + " but was '" + value + "'");
  }

  /** Picocli converter for {@code --io}. */
  public static final class Converter implements CommandLine.ITypeConverter<EdgeIoSelection> {
    @Override
    public EdgeIoSelection convert(String value) {
      try {
        return fromName(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
