package io.freeagentics.cloud.cache.internal;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The shared second level: a key-value store with TTLs, per-key generations and a broadcast channel. Every
 * operation either succeeds or throws {@link L2UnavailableException} at once (it never queues or blocks beyond
 * its command timeout), so that the caller can fall back to L1 and the loader.
 *
 * <p>Generations make a slow load unable to overwrite a newer invalidation: {@link #invalidate} bumps the key's
 * generation, and {@link #putIfGeneration} stores a loaded value only if the generation is still the one read
 * before loading.
 */
public interface L2Store extends AutoCloseable {

  /** The stored value, or null when absent. */
  byte[] get(String key) throws L2UnavailableException;

  /** The key's current generation (0 when never invalidated or forgotten). */
  long generation(String key) throws L2UnavailableException;

  /** Stores {@code value} for {@code ttl} if the key's generation still is {@code generation}; true if stored. */
  boolean putIfGeneration(String key, long generation, byte[] value, Duration ttl) throws L2UnavailableException;

  /** Deletes the value and bumps the key's generation (kept for {@code generationTtl}). */
  void invalidate(String key, Duration generationTtl) throws L2UnavailableException;

  /**
   * {@link #invalidate} of every key, then {@link #publish} of {@code message}. This default costs one round trip
   * per key; a store should do it in one (Redis: one script).
   */
  default void invalidateAndPublish(java.util.List<String> keys, Duration generationTtl, String message)
      throws L2UnavailableException {
    for (String key : keys) {
      invalidate(key, generationTtl);
    }
    publish(message);
  }

  /** Deletes every value whose key starts with {@code prefix} (after an outage with too many lost invalidations). */
  void invalidatePrefix(String prefix) throws L2UnavailableException;

  /** Broadcasts {@code message} to every instance's {@link Listener#onMessage}, this one included. */
  void publish(String message) throws L2UnavailableException;

  /** Whether the store answered its last command and its connection is up. */
  boolean available();

  /** Registers the listener for broadcasts and availability changes (one per store). */
  void listen(Listener listener);

  @Override
  void close();

  /** Broadcasts and availability changes; called on a thread of the store, never inside a cache operation. */
  interface Listener {

    /** A broadcast message arrived. */
    void onMessage(String message);

    /**
     * The store became reachable again after an outage (or for the first time): broadcasts sent meanwhile were
     * lost.
     */
    void onAvailable();

    /** The store became unreachable. */
    void onUnavailable(String reason);
  }

  /** A store that is never available: the cache runs on L1 alone (no Redis configured). */
  static L2Store none() {
    return new NoL2Store();
  }

  /** Convenience for listeners that only care about messages. */
  static Listener messagesOnly(Consumer<String> onMessage) {
    return new Listener() {
      @Override
      public void onMessage(String message) {
        onMessage.accept(message);
      }

      @Override
      public void onAvailable() {
        // Not interested.
      }

      @Override
      public void onUnavailable(String reason) {
        // Not interested.
      }
    };
  }
}
