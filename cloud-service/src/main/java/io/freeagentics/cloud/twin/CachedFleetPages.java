package io.freeagentics.cloud.twin;

import io.freeagentics.cloud.cache.TwoLevelCache;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.freeagentics.cloud.cache.ValueCodec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fleet and device listings through the two-level cache. A page changes when a device registers (counts, a new
 * row) or goes online or offline; both drop every cached page on every instance. Last-seen times in a cached page may
 * lag by up to the L1 time-to-live (they change with every message).
 */
// Created with the context, not lazily on an ingest thread in the middle of its transaction.
@Context
public class CachedFleetPages {
  private final TwinService twins;
  private final TwoLevelCache<FleetPageKey, List<FleetView>> fleetPages;
  private final TwoLevelCache<DevicePageKey, List<DeviceView>> devicePages;

  CachedFleetPages(TwinService twins, TwoLevelCaches caches, ObjectMapper json) {
    this.twins = twins;
    this.fleetPages = caches.create("fleet-pages", key -> key.after() + "|" + key.limit(),
        listCodec(json, FleetView.class));
    this.devicePages = caches.create("device-pages", key -> key.fleet() + "|" + key.online() + "|" + key.after()
        + "|" + key.limit(), listCodec(json, DeviceView.class));
  }

  /** {@link TwinService#fleets}, cached. */
  public List<FleetView> fleets(String after, int limit) {
    return fleetPages.get(new FleetPageKey(after, limit), key -> twins.fleets(key.after(), key.limit()));
  }

  /** {@link TwinService#devices}, cached; an unknown fleet is never cached. */
  public List<DeviceView> devices(String fleet, @Nullable Boolean online, String after, int limit) {
    return devicePages.get(new DevicePageKey(fleet, online, after, limit),
        key -> twins.devices(key.fleet(), key.online(), key.after(), key.limit()));
  }

  /** Drops every cached page on every instance: a device registered or changed its presence. */
  public void invalidate() {
    fleetPages.invalidateAll();
    devicePages.invalidateAll();
  }

  private static <T> ValueCodec<List<T>> listCodec(ObjectMapper json, Class<T> type) {
    return ValueCodec.of(list -> {
      try {
        return json.writeValueAsBytes(list);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode a page of " + type.getSimpleName(), e);
      }
    }, bytes -> json.readValue(bytes, Argument.listOf(type)));
  }

  private record FleetPageKey(String after, int limit) {
  }

  private record DevicePageKey(String fleet, @Nullable Boolean online, String after, int limit) {
  }
}
