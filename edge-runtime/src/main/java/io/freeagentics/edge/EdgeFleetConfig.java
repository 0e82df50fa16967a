package io.freeagentics.edge;

import io.freeagentics.wire.MessageHeader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How an {@link EdgeFleetHost} runs its simulated devices: {@code devices} runtimes with ids
 * {@code idPrefix + index} (four digits at least, from {@code firstIndex}), each with its own database under
 * {@code dataDir/<id>/edge.db}, {@code agents} agents ticking every {@code tickMs} (the tick policy's fastest
 * interval), the store bounds, the uplink settings (belief and telemetry intervals), the MQTT broker and fleet
 * (empty: offline), the seed of device {@code i} ({@code seed + i}), the threads that run every device's ticks, and
 * the seconds between progress lines.
 */
public record EdgeFleetConfig(int devices, int firstIndex, String idPrefix, Path dataDir, int agents, long tickMs,
    EdgeStoreConfig store, EdgeUplinkConfig uplink, Optional<EdgeMqttConfig> mqtt, long seed, int tickThreads,
    long progressSeconds) {

  public EdgeFleetConfig {
    if (devices < 1) {
      throw new IllegalArgumentException("devices must be at least 1 but was " + devices);
    }
    if (firstIndex < 0) {
      throw new IllegalArgumentException("firstIndex must not be negative but was " + firstIndex);
    }
    if (idPrefix == null) {
      throw new IllegalArgumentException("idPrefix must not be null");
    }
    String problem = MessageHeader.deviceIdProblem(deviceId(idPrefix, firstIndex + devices - 1L));
    if (problem != null) {
      throw new IllegalArgumentException("device ids with prefix '" + idPrefix + "' are not topic tokens: "
          + problem);
    }
    if (dataDir == null || store == null || uplink == null || mqtt == null) {
      throw new IllegalArgumentException("dataDir, store, uplink and mqtt must not be null");
    }
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1 but was " + agents);
    }
    if (tickMs < 1) {
      throw new IllegalArgumentException("tickMs must be at least 1 but was " + tickMs);
    }
    if (tickThreads < 1) {
      throw new IllegalArgumentException("tickThreads must be at least 1 but was " + tickThreads);
    }
    if (progressSeconds < 1) {
      throw new IllegalArgumentException("progressSeconds must be at least 1 but was " + progressSeconds);
    }
  }

  /** The id of device {@code index}: the prefix and the index with at least four digits ({@code sim-0007}). */
  public static String deviceId(String prefix, long index) {
    return prefix + String.format("%04d", index);
  }

  /** The id of the {@code i}-th device of this host (0-based). */
  public String deviceId(int i) {
    return deviceId(idPrefix, (long) firstIndex + i);
  }
}
