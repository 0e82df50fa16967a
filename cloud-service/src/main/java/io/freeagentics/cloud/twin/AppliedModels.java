package io.freeagentics.cloud.twin;

import io.freeagentics.cloud.cache.CacheConfig;
import io.freeagentics.cloud.cache.TwoLevelCache;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.freeagentics.cloud.cache.ValueCodec;
import io.freeagentics.cloud.store.CommandRepository;
import io.freeagentics.cloud.store.CommandRow;
import io.freeagentics.cloud.store.DeviceRepository;
import io.freeagentics.cloud.store.DeviceRow;
import io.freeagentics.cloud.store.TwinRepository;
import io.freeagentics.cloud.store.TwinRow;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The model each device acknowledged as applied, cached per device in a {@link TwoLevelCache} named
 * {@value #CACHE} (L1 Caffeine of at most {@code fa.mirror.device-models.max-devices} devices, default 100000,
 * entries living {@code fa.mirror.device-models.ttl}, default 60s; then Redis when configured; then the database,
 * read on the primary). {@link DeviceRegistry#commandAck} invalidates a device's entry after an acknowledgement
 * changed a command, and the invalidation reaches every instance through the caches' Redis channel. So a model
 * change is seen at once on every instance while Redis is up; without Redis (or while it is down) another instance
 * sees it within the TTL. Devices that never applied a model update are cached too (as "none"), so a reader pays one
 * L1 lookup per call.
 */
// Created with the context, like CachedTwins: not lazily on an ingest thread in the middle of its transaction.
@Context
public class AppliedModels implements AppliedModelSource {
  /** The name of the two-level cache. */
  public static final String CACHE = "applied-models";

  private final DeviceRepository devices;
  private final TwinRepository twins;
  private final CommandRepository commands;
  private final TwoLevelCache<DeviceKey, Entry> cache;

  /** A cached answer: the applied model, or null when the device applied none. */
  private record Entry(@Nullable AppliedModel model) {
  }

  AppliedModels(DeviceRepository devices, TwinRepository twins, CommandRepository commands, TwoLevelCaches caches,
      CacheConfig cacheConfig, @Value("${fa.mirror.device-models.ttl:60s}") Duration ttl,
      @Value("${fa.mirror.device-models.max-devices:100000}") int maxDevices) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("fa.mirror.device-models.ttl must be positive but was " + ttl);
    }
    if (maxDevices < 1) {
      throw new IllegalArgumentException("fa.mirror.device-models.max-devices must be positive but was "
          + maxDevices);
    }
    this.devices = devices;
    this.twins = twins;
    this.commands = commands;
    ValueCodec<Entry> codec = ValueCodec.of(entry -> encode(entry.model()), bytes -> new Entry(decode(bytes)));
    this.cache = caches.create(CACHE, key -> key.fleet() + "/" + key.device(), codec,
        cacheConfig.withTtls(ttl, cacheConfig.l2Ttl()).withL1MaxSize(maxDevices));
  }

  @Override
  public Optional<AppliedModel> applied(DeviceKey device) {
    return Optional.ofNullable(cache.get(device, this::load).model());
  }

  @Override
  public Optional<String> modelJson(AppliedModel model) {
    return commands.findById(model.commandId()).map(CommandRow::payload);
  }

  /** Drops the device's entry on every instance (after its reported model may have changed). */
  public void invalidate(DeviceKey device) {
    cache.invalidate(device);
  }

  private Entry load(DeviceKey key) {
    Optional<DeviceRow> device = devices.findByFleetIdAndDeviceId(key.fleet(), key.device());
    if (device.isEmpty()) {
      return new Entry(null);
    }
    Optional<TwinRow> twin = twins.findById(device.get().id());
    if (twin.isEmpty() || twin.get().modelName() == null || twin.get().modelCommandId() == null) {
      return new Entry(null);
    }
    return new Entry(new AppliedModel(twin.get().modelName(), twin.get().modelVersion(),
        twin.get().modelCommandId()));
  }

  /** Empty for none, else "commandId\nversion\nname" (version empty when null; the name may hold anything). */
  static byte[] encode(@Nullable AppliedModel model) {
    if (model == null) {
      return new byte[0];
    }
    return (model.commandId() + "\n" + (model.version() == null ? "" : model.version()) + "\n" + model.name())
        .getBytes(StandardCharsets.UTF_8);
  }

  /** What {@link #encode} wrote (null: none). */
  static @Nullable AppliedModel decode(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return null;
    }
    String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 3);
    if (parts.length != 3) {
      throw new IOException("not an applied model: " + parts.length + " lines");
    }
    try {
      return new AppliedModel(parts[2], parts[1].isEmpty() ? null : Long.valueOf(parts[1]),
          Long.parseLong(parts[0]));
    } catch (NumberFormatException e) {
      throw new IOException("not an applied model: " + e.getMessage(), e);
    }
  }
}
