package io.freeagentics.cloud.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.freeagentics.cloud.cache.internal.InvalidationBatch;
import io.freeagentics.cloud.cache.internal.InvalidationMessage;
import io.freeagentics.cloud.cache.internal.L2Store;
import io.freeagentics.cloud.cache.internal.RedisL2Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the service's {@link TwoLevelCache}s; they share one Redis connection, one invalidation channel and
 * this instance's id. Redis is {@code fa.redis.uri} (env {@code FA_REDIS_URI}, e.g. {@code redis://127.0.0.1:6379});
 * without it the caches run on L1 alone. With a Micrometer registry each cache reports
 * {@code fa.cache.gets{cache,result=l1|l2|load}}, {@code fa.cache.l2.errors}, {@code fa.cache.invalidations} and the
 * gauge {@code fa.cache.l2.available} (1 = Redis in use).
 *
 * <p>Usage (e.g. twin reads):
 * <pre>{@code
 * TwoLevelCache<DeviceKey, TwinView> twins =
 *     caches.create("twins", key -> key.fleet() + "/" + key.device(), jsonCodec);
 * TwinView view = twins.get(key, k -> repository.load(k));   // read
 * repository.update(...); twins.invalidate(key);            // after a write
 * }</pre>
 */
@Singleton
public final class TwoLevelCaches implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TwoLevelCaches.class);

  private final CacheConfig config;
  private final L2Store l2;
  private final Optional<MeterRegistry> registry;
  private final Ticker ticker;
  private final String origin = UUID.randomUUID().toString();
  private final Map<String, TwoLevelCache<?, ?>> caches = new ConcurrentHashMap<>();

  /** The Micronaut bean: Redis from {@code fa.redis.uri} when set. */
  @Inject
  public TwoLevelCaches(CacheConfig config, @Property(name = "fa.redis.uri") @Nullable String redisUri,
                        @Nullable MeterRegistry registry) {
    this(config, redisUri == null || redisUri.isBlank() ? L2Store.none()
            : RedisL2Store.open(redisUri, config.keyPrefix(), config.redisTimeout(), config.redisCheckEvery()),
        Optional.ofNullable(registry), Ticker.systemTicker());
    LOG.info("caches: {}", redisUri == null || redisUri.isBlank()
        ? "L1 only (fa.redis.uri is not set)" : "L1 + Redis " + redisUri + " (prefix " + config.keyPrefix() + ")");
  }

  /** Caches on Redis at {@code redisUri} (empty = L1 only), without metrics; for tools and tests. */
  public static TwoLevelCaches open(CacheConfig config, Optional<String> redisUri) {
    return new TwoLevelCaches(config, redisUri.orElse(null), null);
  }

  TwoLevelCaches(CacheConfig config, L2Store l2, Optional<MeterRegistry> registry, Ticker ticker) {
    this.config = Objects.requireNonNull(config, "config");
    this.l2 = Objects.requireNonNull(l2, "l2");
    this.registry = registry;
    this.ticker = ticker;
    l2.listen(new Dispatcher());
  }

  /** A cache with the configured TTLs and size; see {@link #create(String, Function, ValueCodec, CacheConfig)}. */
  public <K, V> TwoLevelCache<K, V> create(String name, Function<? super K, String> keyFormat, ValueCodec<V> codec) {
    return create(name, keyFormat, codec, config);
  }

  /**
   * A new cache named {@code name} (1..64 letters, digits, {@code _ . -}; unique) with its own settings (e.g.
   * {@code config.withTtls(...)}); only their TTLs, L1 size and pending-invalidation bound apply, the Redis
   * connection is shared.
   *
   * @throws IllegalArgumentException when the name is malformed or already used
   */
  public <K, V> TwoLevelCache<K, V> create(String name, Function<? super K, String> keyFormat, ValueCodec<V> codec,
                                           CacheConfig settings) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyFormat, "keyFormat");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(settings, "settings");
    if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException("cache name must be 1 to 64 letters, digits or _ . -, got '" + name + "'");
    }
    TwoLevelCache<K, V> cache = new TwoLevelCache<>(name, origin, keyFormat, codec, settings, l2, ticker);
    if (caches.putIfAbsent(name, cache) != null) {
      throw new IllegalArgumentException("a cache named '" + name + "' exists already");
    }
    registry.ifPresent(meters -> TwoLevelCacheMetrics.bind(cache, meters));
    return cache;
  }

  /** Whether Redis is reachable now (false = every cache runs on L1 and its loader). */
  public boolean l2Available() {
    return l2.available();
  }

  /** Closes the Redis connections. */
  @PreDestroy
  @Override
  public void close() {
    l2.close();
  }

  /** Routes the channel's messages and Redis availability changes to the caches. */
  private final class Dispatcher implements L2Store.Listener {

    @Override
    public void onMessage(String text) {
      InvalidationBatch batch = InvalidationBatch.decode(text);
      if (batch != null) {
        TwoLevelCache<?, ?> cache = caches.get(batch.cache());
        if (cache != null) {
          cache.onBatch(batch);
        }
        return;
      }
      InvalidationMessage message = InvalidationMessage.decode(text);
      if (message == null) {
        LOG.warn("caches: ignoring a message on the invalidation channel that is not an invalidation: {}", text);
        return;
      }
      TwoLevelCache<?, ?> cache = caches.get(message.cache());
      if (cache != null) {
        cache.onMessage(message);
      }
    }

    @Override
    public void onAvailable() {
      LOG.info("caches: Redis is available; L2 and cross-instance invalidation in use");
      caches.values().forEach(TwoLevelCache::onL2Available);
    }

    @Override
    public void onUnavailable(String reason) {
      LOG.warn("caches: Redis is unavailable ({}); serving from L1 (at most {} stale) and the loaders until it is"
          + " back", reason, config.l1Ttl());
    }
  }
}
