package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeUplinkConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The profile settings a {@code ProfileOverride} command may change on a running device, checked before anything is
 * applied: {@code tickMinMs} and {@code tickMaxMs} (the tick interval bounds of the power-aware tick policy),
 * {@code beliefEveryTicks}, {@code snapshotEveryMessages} and {@code telemetryEverySeconds}. Everything else the
 * profile holds (JVM flags, engine, wiring) is fixed when the device starts, so other keys are refused with the key
 * named. Values are decimal integers.
 */
public final class EdgeProfileOverrides {
  /** The keys a device applies, in order. */
  public static final List<String> KEYS = List.of("beliefEveryTicks", "snapshotEveryMessages",
      "telemetryEverySeconds", "tickMaxMs", "tickMinMs");
  /** The largest tick bound accepted: a day. */
  public static final int MAX_TICK_MS = 86_400_000;

  private EdgeProfileOverrides() {}

  /** The device's overridable settings. */
  public record Settings(int tickMinMs, int tickMaxMs, EdgeUplinkConfig uplink) {
    public Settings {
      if (tickMinMs < 1 || tickMaxMs < tickMinMs) {
        throw new IllegalArgumentException("tick bounds must satisfy 1 <= tickMinMs <= tickMaxMs but were "
            + tickMinMs + " and " + tickMaxMs);
      }
      if (uplink == null) {
        throw new IllegalArgumentException("uplink must not be null");
      }
    }
  }

  /**
   * {@code current} with {@code overrides} applied.
   *
   * @throws IllegalArgumentException naming the key and value when a key is unknown, a value is not an integer in
   *     its range, or the tick bounds would cross
   */
  public static Settings apply(Settings current, SortedMap<String, String> overrides) {
    int tickMin = current.tickMinMs();
    int tickMax = current.tickMaxMs();
    EdgeUplinkConfig uplink = current.uplink();
    for (Map.Entry<String, String> entry : overrides.entrySet()) {
      String key = entry.getKey();
      switch (key) {
        case "tickMinMs" -> tickMin = parse(key, entry.getValue(), 1, MAX_TICK_MS);
        case "tickMaxMs" -> tickMax = parse(key, entry.getValue(), 1, MAX_TICK_MS);
        case "beliefEveryTicks" -> uplink = uplink.withBeliefEveryTicks(
            parse(key, entry.getValue(), 1, EdgeUplinkConfig.MAX_EVERY));
        case "snapshotEveryMessages" -> uplink = uplink.withSnapshotEveryMessages(
            parse(key, entry.getValue(), 1, EdgeUplinkConfig.MAX_EVERY));
        case "telemetryEverySeconds" -> uplink = uplink.withTelemetryEverySeconds(
            parse(key, entry.getValue(), 1, EdgeUplinkConfig.MAX_EVERY));
        default -> throw new IllegalArgumentException("unknown setting '" + key + "' (a device applies "
            + String.join(", ", KEYS) + ")");
      }
    }
    if (tickMax < tickMin) {
      throw new IllegalArgumentException("tickMinMs " + tickMin + " would exceed tickMaxMs " + tickMax);
    }
    return new Settings(tickMin, tickMax, uplink);
  }

  /** The overrides as stored in the sync state: {@code key=value} lines in key order. */
  public static byte[] encode(SortedMap<String, String> overrides) {
    StringBuilder text = new StringBuilder();
    overrides.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads {@link #encode}'s text back. */
  public static SortedMap<String, String> decode(byte[] stored) {
    SortedMap<String, String> overrides = new TreeMap<>();
    for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
      int at = line.indexOf('=');
      if (at > 0) {
        overrides.put(line.substring(0, at), line.substring(at + 1));
      }
    }
    return overrides;
  }

  private static int parse(String key, String value, int min, int max) {
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + key + "' must be an integer but was '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException("setting '" + key + "' must be " + min + " to " + max + " but was "
          + value);
    }
    return (int) parsed;
  }
}
