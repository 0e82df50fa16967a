package io.freeagentics.cloud.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the two-level caches ({@code fa.cache.*}); Redis itself is {@code fa.redis.uri} (env
 * {@code FA_REDIS_URI}; unset = L1 only). Per-cache TTLs can differ: {@link #withTtls}.
 *
 * @param l1MaxSize          entries kept in each cache's L1 ({@code fa.cache.l1-max-size}, default 10000)
 * @param l1Ttl              how long an L1 entry lives after it was loaded ({@code fa.cache.l1-ttl}, default 10s):
 *                           the longest a read can be stale when an invalidation does not reach this instance
 *                           (Redis down)
 * @param l2Ttl              how long a Redis entry lives ({@code fa.cache.l2-ttl}, default 5m)
 * @param keyPrefix          prefix of every Redis key and of the channel ({@code fa.cache.key-prefix}, default
 *                           {@code fa:cache:}); letters, digits and {@code _ . : -}
 * @param redisTimeout       Redis command timeout ({@code fa.cache.redis-timeout}, default 500ms): the most a read
 *                           waits on a hung Redis before it falls back to the loader
 * @param redisCheckEvery    how often the connection state is checked and, while Redis was never reached, a
 *                           connection attempted ({@code fa.cache.redis-check-every}, default 1s)
 * @param maxPendingInvalidations invalidations remembered while Redis is away and replayed when it is back
 *                           ({@code fa.cache.max-pending-invalidations}, default 10000; more = the whole cache is
 *                           invalidated in Redis on reconnect)
 */
@ConfigurationProperties("fa.cache")
public record CacheConfig(
    @Bindable(defaultValue = "10000") int l1MaxSize,
    @Bindable(defaultValue = "10s") Duration l1Ttl,
    @Bindable(defaultValue = "5m") Duration l2Ttl,
    @Bindable(defaultValue = "fa:cache:") String keyPrefix,
    @Bindable(defaultValue = "500ms") Duration redisTimeout,
    @Bindable(defaultValue = "1s") Duration redisCheckEvery,
    @Bindable(defaultValue = "10000") int maxPendingInvalidations) {

  /**
   * Checks every rule, bound from the configuration or built by hand, and refuses with one
   * {@link CacheConfigException} listing every problem, each naming its property and value (no Jakarta constraints
   * on the components: they would stop the binding at the first problem).
   */
  public CacheConfig {
    List<String> problems = new ArrayList<>();
    positive(problems, "fa.cache.l1-ttl", l1Ttl);
    positive(problems, "fa.cache.l2-ttl", l2Ttl);
    positive(problems, "fa.cache.redis-timeout", redisTimeout);
    positive(problems, "fa.cache.redis-check-every", redisCheckEvery);
    if (l1MaxSize < 1 || l1MaxSize > 100_000_000) {
      problems.add("fa.cache.l1-max-size = " + l1MaxSize + ": must be 1 to 100000000");
    }
    if (maxPendingInvalidations < 1 || maxPendingInvalidations > 10_000_000) {
      problems.add("fa.cache.max-pending-invalidations = " + maxPendingInvalidations + ": must be 1 to 10000000");
    }
    if (keyPrefix == null || !keyPrefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
      problems.add("fa.cache.key-prefix = " + keyPrefix + ": must be 1 to 64 letters, digits or _ . : -");
    }
    if (!problems.isEmpty()) {
      throw new CacheConfigException(problems);
    }
  }

  /** The defaults, as with no configuration. */
  public static CacheConfig defaults() {
    return new CacheConfig(10_000, Duration.ofSeconds(10), Duration.ofMinutes(5), "fa:cache:",
        Duration.ofMillis(500), Duration.ofSeconds(1), 10_000);
  }

  /** These settings with other TTLs (e.g. for one cache). */
  public CacheConfig withTtls(Duration newL1Ttl, Duration newL2Ttl) {
    return new CacheConfig(l1MaxSize, newL1Ttl, newL2Ttl, keyPrefix, redisTimeout, redisCheckEvery,
        maxPendingInvalidations);
  }

  /** These settings with another L1 size. */
  public CacheConfig withL1MaxSize(int size) {
    return new CacheConfig(size, l1Ttl, l2Ttl, keyPrefix, redisTimeout, redisCheckEvery, maxPendingInvalidations);
  }

  /** These settings with another Redis key prefix. */
  public CacheConfig withKeyPrefix(String prefix) {
    return new CacheConfig(l1MaxSize, l1Ttl, l2Ttl, prefix, redisTimeout, redisCheckEvery, maxPendingInvalidations);
  }

  private static void positive(List<String> problems, String property, Duration value) {
    if (value == null) {
      problems.add(property + " = null: must be set");
    } else if (value.isNegative() || value.isZero()) {
      problems.add(property + " = " + value + ": must be a positive duration");
    }
  }
}
