package io.freeagentics.cloud.cache.internal;

import java.time.Duration;

/** The L2 of a cache without Redis: never available, every operation refused at once. */
final class NoL2Store implements L2Store {

  private static L2UnavailableException absent() {
    return new L2UnavailableException("no L2 configured (fa.redis.uri is not set)", null);
  }

  @Override
  public byte[] get(String key) throws L2UnavailableException {
    throw absent();
  }

  @Override
  public long generation(String key) throws L2UnavailableException {
    throw absent();
  }

  @Override
  public boolean putIfGeneration(String key, long generation, byte[] value, Duration ttl)
      throws L2UnavailableException {
    throw absent();
  }

  @Override
  public void invalidate(String key, Duration generationTtl) throws L2UnavailableException {
    throw absent();
  }

  @Override
  public void invalidatePrefix(String prefix) throws L2UnavailableException {
    throw absent();
  }

  @Override
  public void publish(String message) throws L2UnavailableException {
    throw absent();
  }

  @Override
  public boolean available() {
    return false;
  }

  @Override
  public void listen(Listener listener) {
    // Nothing ever arrives.
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
