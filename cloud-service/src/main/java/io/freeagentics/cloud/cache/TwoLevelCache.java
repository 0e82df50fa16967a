package io.freeagentics.cloud.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.freeagentics.cloud.cache.internal.InvalidationBatch;
import io.freeagentics.cloud.cache.internal.InvalidationMessage;
import io.freeagentics.cloud.cache.internal.L2Store;
import io.freeagentics.cloud.cache.internal.L2UnavailableException;
import io.freeagentics.cloud.cache.internal.PendingInvalidations;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-through cache with two levels: Caffeine in this JVM (L1, bounded, TTL {@code l1Ttl}) and Redis shared by
 * every instance (L2, TTL {@code l2Ttl}). {@link #get} answers from L1, else from Redis, else runs the loader (once
 * per key at a time) and stores the value in both. After a write to the source of truth, call {@link #invalidate}:
 * the entry leaves L1 and Redis, and every other instance drops its L1 entry through the Redis channel.
 *
 * <p>Without Redis (not configured, down, or timing out) reads go to L1 and the loader and invalidations stay
 * local: an entry another instance invalidated meanwhile is stale for at most {@code l1Ttl}. Invalidations made
 * while Redis was away are replayed when it is back, and every L1 is cleared then (broadcasts were lost).
 * {@link #stats()} tells whether Redis is in use. A loader result of null is returned but not cached. Loaders must
 * not call the same cache. Create instances with {@link TwoLevelCaches#create}. Thread-safe.
 *
 * @param <K> key type; {@code keyFormat} turns a key into the string used in L1, Redis and invalidations
 * @param <V> value type; stored in Redis through the caller's {@link ValueCodec}
 */
public final class TwoLevelCache<K, V> {

  private static final Logger LOG = LoggerFactory.getLogger(TwoLevelCache.class);

  /** The most keys one Redis script and one channel message of {@link #invalidateAll(Collection)} carry. */
  public static final int BATCH_KEYS = 1000;

  private final String name;
  private final String origin;
  private final Function<? super K, String> keyFormat;
  private final ValueCodec<V> codec;
  private final CacheConfig config;
  private final L2Store l2;
  private final Cache<String, V> l1;
  private final PendingInvalidations pending;
  private final LongAdder l1Hits = new LongAdder();
  private final LongAdder l2Hits = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder l2Errors = new LongAdder();
  private final LongAdder decodeErrors = new LongAdder();
  private final LongAdder invalidationsSent = new LongAdder();
  private final LongAdder invalidationsReceived = new LongAdder();

  TwoLevelCache(String name, String origin, Function<? super K, String> keyFormat, ValueCodec<V> codec,
                CacheConfig config, L2Store l2, Ticker ticker) {
    this.name = name;
    this.origin = origin;
    this.keyFormat = keyFormat;
    this.codec = codec;
    this.config = config;
    this.l2 = l2;
    this.l1 = Caffeine.newBuilder()
        .maximumSize(config.l1MaxSize())
        .expireAfterWrite(config.l1Ttl())
        .ticker(ticker)
        .build();
    this.pending = new PendingInvalidations(config.maxPendingInvalidations());
  }

  /** The cache's name (part of its Redis keys and of its metrics' tags). */
  public String name() {
    return name;
  }

  /**
   * The value for {@code key}: from L1, else Redis, else {@code loader} (whose result is then cached in both
   * levels; null is returned uncached). Exceptions of the loader propagate and nothing is cached.
   */
  public V get(K key, Function<? super K, ? extends V> loader) {
    Objects.requireNonNull(loader, "loader");
    String formatted = format(key);
    V cached = l1.getIfPresent(formatted);
    if (cached != null) {
      l1Hits.increment();
      return cached;
    }
    return l1.get(formatted, ignored -> loadThroughL2(key, formatted, loader, value -> true));
  }

  /**
   * As {@link #get(Object, Function)}, but a loaded value is cached (in both levels) only if {@code cacheable}
   * accepts it; otherwise it is returned to this caller alone. For values that become immutable only once some
   * condition holds (e.g. a page of history that is complete). A reader that waited for another reader's load of the
   * same key whose value was not cacheable runs the loader itself.
   */
  public V get(K key, Function<? super K, ? extends V> loader, Predicate<? super V> cacheable) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(cacheable, "cacheable");
    String formatted = format(key);
    V cached = l1.getIfPresent(formatted);
    if (cached != null) {
      l1Hits.increment();
      return cached;
    }
    Uncached<V> mine = new Uncached<>();
    V value = l1.get(formatted, ignored -> {
      mine.loaded = true;
      V loaded = loadThroughL2(key, formatted, loader, cacheable);
      if (loaded != null && !cacheable.test(loaded)) {
        mine.value = loaded;
        return null;
      }
      return loaded;
    });
    if (value != null) {
      return value;
    }
    if (mine.loaded) {
      return mine.value;
    }
    V own = loader.apply(key);
    loads.increment();
    return own;
  }

  /** The value for {@code key} if L1 holds it (no Redis, no loader); null otherwise. */
  public V getIfPresent(K key) {
    return l1.getIfPresent(format(key));
  }

  /**
   * Drops {@code key} from L1 and Redis and tells the other instances to drop it from theirs. Call it after the
   * source of truth changed. Without Redis the key is remembered and invalidated in Redis when it is back.
   */
  public void invalidate(K key) {
    String formatted = format(key);
    // Redis first, then L1: a read on this instance between the two cannot put Redis's old value back into L1
    // (Caffeine makes the L1 invalidation wait for a load of the key that is running, then drops its result).
    if (!l2.available()) {
      pending.add(formatted);
    } else {
      try {
        invalidateInL2(formatted);
      } catch (L2UnavailableException e) {
        pending.add(formatted);
        l2Failed(e);
      }
    }
    l1.invalidate(formatted);
  }

  /**
   * {@link #invalidate} of several keys at once: one Redis round trip and one message on the channel for up to
   * {@value #BATCH_KEYS} distinct keys (so a batch of writes costs one PUBLISH, not one per key). Empty = nothing.
   */
  public void invalidateAll(Collection<? extends K> keys) {
    Objects.requireNonNull(keys, "keys");
    Set<String> distinct = new LinkedHashSet<>();
    for (K key : keys) {
      distinct.add(format(key));
    }
    if (distinct.isEmpty()) {
      return;
    }
    List<String> formatted = new ArrayList<>(distinct);
    if (!l2.available()) {
      formatted.forEach(pending::add);
    } else {
      int done = 0;
      try {
        for (; done < formatted.size(); done += BATCH_KEYS) {
          List<String> chunk = formatted.subList(done, Math.min(formatted.size(), done + BATCH_KEYS));
          l2.invalidateAndPublish(chunk.stream().map(this::entryKey).toList(), generationTtl(),
              new InvalidationBatch(origin, name, chunk).encode());
          invalidationsSent.add(chunk.size());
        }
      } catch (L2UnavailableException e) {
        formatted.subList(done, formatted.size()).forEach(pending::add);
        l2Failed(e);
      }
    }
    l1.invalidateAll(formatted);
  }

  /** Drops every entry of this cache, here, in Redis and on the other instances. */
  public void invalidateAll() {
    l1.invalidateAll();
    if (!l2.available()) {
      pending.addAll();
      return;
    }
    try {
      invalidateAllInL2();
    } catch (L2UnavailableException e) {
      pending.addAll();
      l2Failed(e);
    }
  }

  /** The counters, and whether Redis is in use now. */
  public TwoLevelCacheStats stats() {
    return new TwoLevelCacheStats(name, l1.estimatedSize(), l1Hits.sum(), l2Hits.sum(), loads.sum(), l2Errors.sum(),
        decodeErrors.sum(), invalidationsSent.sum(), invalidationsReceived.sum(), pending.size(), l2.available());
  }

  private V loadThroughL2(K key, String formatted, Function<? super K, ? extends V> loader,
                          Predicate<? super V> cacheable) {
    String entry = entryKey(formatted);
    long generation = -1;
    if (l2.available()) {
      try {
        byte[] bytes = l2.get(entry);
        if (bytes != null) {
          V decoded = decode(formatted, bytes);
          if (decoded != null) {
            l2Hits.increment();
            return decoded;
          }
        }
        generation = l2.generation(entry);
      } catch (L2UnavailableException e) {
        l2Failed(e);
        generation = -1;
      }
    }
    V value = loader.apply(key);
    loads.increment();
    if (value != null && generation >= 0 && cacheable.test(value)) {
      try {
        l2.putIfGeneration(entry, generation, codec.encode(value), config.l2Ttl());
      } catch (L2UnavailableException e) {
        l2Failed(e);
      }
    }
    return value;
  }

  private V decode(String formatted, byte[] bytes) {
    try {
      return codec.decode(bytes);
    } catch (IOException | RuntimeException e) {
      decodeErrors.increment();
      LOG.warn("cache {}: the Redis value of key {} cannot be decoded ({}); reloading it", name, formatted,
          e.toString());
      return null;
    }
  }

  private void invalidateInL2(String formatted) throws L2UnavailableException {
    l2.invalidate(entryKey(formatted), generationTtl());
    l2.publish(new InvalidationMessage(false, origin, name, formatted).encode());
    invalidationsSent.increment();
  }

  private void invalidateAllInL2() throws L2UnavailableException {
    l2.invalidatePrefix(name + ":");
    l2.publish(new InvalidationMessage(true, origin, name, "").encode());
    invalidationsSent.increment();
  }

  /** Generations outlive values, so a load that began before an invalidation can never store its old value. */
  private Duration generationTtl() {
    return config.l2Ttl().plus(Duration.ofMinutes(1));
  }

  private String entryKey(String formatted) {
    return name + ":" + formatted;
  }

  private String format(K key) {
    Objects.requireNonNull(key, "key");
    String formatted = keyFormat.apply(key);
    if (formatted == null) {
      throw new IllegalStateException("cache " + name + ": the key format turned " + key + " into null");
    }
    return formatted;
  }

  private void l2Failed(L2UnavailableException e) {
    l2Errors.increment();
    LOG.debug("cache {}: {}", name, e.getMessage());
  }

  /** An invalidation from the channel (called on the L2 events thread). */
  void onMessage(InvalidationMessage message) {
    if (origin.equals(message.origin())) {
      return;
    }
    invalidationsReceived.increment();
    if (message.all()) {
      l1.invalidateAll();
    } else {
      l1.invalidate(message.key());
    }
  }

  /** Several invalidations from the channel (called on the L2 events thread). */
  void onBatch(InvalidationBatch batch) {
    if (origin.equals(batch.origin())) {
      return;
    }
    invalidationsReceived.add(batch.keys().size());
    l1.invalidateAll(batch.keys());
  }

  /** What {@link #get(Object, Function, Predicate)} loaded itself but may not cache. */
  private static final class Uncached<V> {
    boolean loaded;
    V value;
  }

  /** Redis is back: broadcasts were lost, so L1 is cleared, and the invalidations made meanwhile are replayed. */
  void onL2Available() {
    l1.invalidateAll();
    PendingInvalidations.Drained drained = pending.drain();
    if (drained.isEmpty()) {
      return;
    }
    try {
      if (drained.all()) {
        invalidateAllInL2();
      } else {
        for (String key : drained.keys()) {
          invalidateInL2(key);
        }
      }
      LOG.info("cache {}: replayed {} invalidation(s) made while Redis was away", name,
          drained.all() ? "all" : Integer.toString(drained.keys().size()));
    } catch (L2UnavailableException e) {
      pending.restore(drained);
      l2Failed(e);
    }
  }
}
