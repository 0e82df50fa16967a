package io.freeagentics.cloud.twin;

import io.freeagentics.cloud.cache.TwoLevelCache;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.freeagentics.cloud.cache.ValueCodec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Twin reads through the two-level cache (Caffeine, then Redis when {@code fa.redis.uri} is set, then the
 * database), and every twin write followed by an invalidation that reaches every instance. A write is invalidated
 * after its transaction committed, so a read cannot put the old value back. Only the last-seen time may lag by up
 * to the L1 time-to-live: it changes with every message and is not worth an invalidation each time.
 */
// Created with the context, not lazily on an ingest thread in the middle of its transaction.
@Context
public class CachedTwins {
  private final TwinService twins;
  private final TwoLevelCache<DeviceKey, TwinView> cache;

  CachedTwins(TwinService twins, TwoLevelCaches caches, ObjectMapper json) {
    this.twins = twins;
    this.cache = caches.create("twins", key -> key.fleet() + "/" + key.device(), ValueCodec.of(view -> {
      try {
        return json.writeValueAsBytes(view);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode the twin of " + view.fleet() + "/" + view.device(), e);
      }
    }, bytes -> json.readValue(bytes, TwinView.class)));
  }

  /**
   * The device's twin.
   *
   * @throws UnknownDeviceException when the device was never seen
   */
  public TwinView twin(DeviceKey key) {
    return cache.get(key, twins::twin);
  }

  /** {@link TwinService#updateDesired}, then the cached twin is dropped everywhere. */
  public TwinView updateDesired(DeviceKey key, long expectedVersion, @Nullable ModelRef model,
      @Nullable ProfileRef profile, String by) {
    try {
      return twins.updateDesired(key, expectedVersion, model, profile, by);
    } finally {
      cache.invalidate(key);
    }
  }

  /** Drops the cached twin of {@code key} on every instance (after its reported state changed). */
  public void invalidate(DeviceKey key) {
    cache.invalidate(key);
  }
}
