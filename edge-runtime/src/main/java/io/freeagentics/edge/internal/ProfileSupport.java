package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeBatteryModel;
import io.freeagentics.edge.EdgeProfileSettings;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.DeviceProfiles;
import io.freeagentics.profiles.Engine;
import io.freeagentics.profiles.PowerModel;
import io.freeagentics.profiles.ProfileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads device profiles for the edge runtime, and writes and reads the profile snapshot: a
 * {@link java.util.Properties} file with the {@link EdgeProfileSettings} of a validated profile, so the device JVM
 * needs no JSON library. A snapshot is only trusted for the profile name it was written for.
 */
public final class ProfileSupport {
  private static final String FORMAT = "1";

  private ProfileSupport() {}

  /** A built-in profile by id, or a profile file when the name ends in {@code .json}. */
  public static DeviceProfile load(String name) throws ProfileException {
    if (name.endsWith(".json")) {
      return DeviceProfiles.read(Path.of(name));
    }
    return DeviceProfiles.builtIn(name);
  }

  /** The settings the runtime needs from a validated profile. */
  public static EdgeProfileSettings settings(String spec, DeviceProfile profile) {
    PowerModel power = profile.power();
    Optional<EdgeBatteryModel> battery = power.battery().map(b -> new EdgeBatteryModel(b.energyWh(),
        power.supplyVoltageV(), power.idleDrawMa(), power.activeDrawMa()));
    return new EdgeProfileSettings(spec, profile.id(), profile.name(), profile.maxAgents(), profile.engine(),
        profile.tick().minMs(), profile.tick().maxMs(), battery,
        power.battery().map(b -> b.simulated()).orElse(false));
  }

  /** Writes the snapshot of {@code settings} to {@code file} atomically (a temporary file, then a rename). */
  public static void writeSnapshot(EdgeProfileSettings settings, Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("format", FORMAT);
    properties.setProperty("spec", settings.spec());
    properties.setProperty("id", settings.id());
    properties.setProperty("name", settings.name());
    properties.setProperty("maxAgents", Integer.toString(settings.maxAgents()));
    properties.setProperty("engine", settings.engine().jsonName());
    properties.setProperty("tick.minMs", Integer.toString(settings.tickMinMs()));
    properties.setProperty("tick.maxMs", Integer.toString(settings.tickMaxMs()));
    settings.battery().ifPresent(b -> {
      properties.setProperty("battery.wh", Double.toString(b.batteryWh()));
      properties.setProperty("battery.supplyVoltageV", Double.toString(b.supplyVoltageV()));
      properties.setProperty("battery.idleDrawMa", Double.toString(b.idleDrawMa()));
      properties.setProperty("battery.activeDrawMa", Double.toString(b.activeDrawMa()));
      properties.setProperty("battery.simulated", Boolean.toString(settings.batterySimulated()));
    });
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      properties.store(out, "edge profile snapshot of " + settings.spec() + ", written by fa edge jvm-flags");
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Reads a snapshot written for the profile name {@code spec}.
   *
   * @throws IOException when the file cannot be read, was written for another profile name or in another format,
   *     or a value is missing or malformed (the message names the key)
   */
  public static EdgeProfileSettings readSnapshot(Path file, String spec) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    if (!FORMAT.equals(properties.getProperty("format"))) {
      throw new IOException("profile snapshot " + file + " has format " + properties.getProperty("format")
          + ", not " + FORMAT);
    }
    if (!spec.equals(properties.getProperty("spec"))) {
      throw new IOException("profile snapshot " + file + " is for profile '" + properties.getProperty("spec")
          + "', not '" + spec + "'");
    }
    try {
      Optional<EdgeBatteryModel> battery = properties.containsKey("battery.wh")
          ? Optional.of(new EdgeBatteryModel(number(properties, "battery.wh"),
              number(properties, "battery.supplyVoltageV"), number(properties, "battery.idleDrawMa"),
              number(properties, "battery.activeDrawMa")))
          : Optional.empty();
      return new EdgeProfileSettings(spec, text(properties, "id"), text(properties, "name"),
          (int) number(properties, "maxAgents"), Engine.fromJsonName(text(properties, "engine")),
          (int) number(properties, "tick.minMs"), (int) number(properties, "tick.maxMs"), battery,
          Boolean.parseBoolean(properties.getProperty("battery.simulated", "false")));
    } catch (IllegalArgumentException e) {
      throw new IOException("profile snapshot " + file + " is invalid: " + e.getMessage(), e);
    }
  }

  private static String text(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("key " + key + " is missing");
    }
    return value;
  }

  private static double number(Properties properties, String key) {
    String value = text(properties, key);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("key " + key + " is not a number: '" + value + "'", e);
    }
  }
}
