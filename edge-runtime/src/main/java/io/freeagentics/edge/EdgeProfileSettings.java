package io.freeagentics.edge;

import io.freeagentics.profiles.Engine;
import java.util.Optional;

/**
 * The part of a device profile the running device needs: identity, agent limit, engine, tick bounds and battery.
 * Read from the validated profile ({@code DeviceProfiles}, JSON and schema validation) or, on the device's own
 * JVM, from the snapshot the launcher wrote after validating it ({@code fa edge jvm-flags --snapshot}), which
 * keeps the JSON and schema libraries (about 700 classes) out of the device JVM.
 *
 * @param spec the profile name as given on the command line (built-in id or file)
 * @param battery empty for a mains-powered board
 * @param batterySimulated whether the battery exists only in simulation (then the runtime simulates it)
 */
public record EdgeProfileSettings(String spec, String id, String name, int maxAgents, Engine engine, int tickMinMs,
    int tickMaxMs, Optional<EdgeBatteryModel> battery, boolean batterySimulated) {

  public EdgeProfileSettings {
    if (spec == null || id == null || name == null || engine == null || battery == null) {
      throw new IllegalArgumentException("spec, id, name, engine and battery must not be null");
    }
    if (maxAgents < 1) {
      throw new IllegalArgumentException("maxAgents must be at least 1 but was " + maxAgents + " (profile " + id + ")");
    }
    if (tickMinMs < 1 || tickMaxMs < tickMinMs) {
      throw new IllegalArgumentException("tick bounds must satisfy 1 <= min <= max but were " + tickMinMs + ".."
          + tickMaxMs + " (profile " + id + ")");
    }
  }

  /** The tick policy within the profile's bounds. */
  public EdgeTickPolicy tickPolicy() {
    return new EdgeTickPolicy(tickMinMs, tickMaxMs);
  }
}
