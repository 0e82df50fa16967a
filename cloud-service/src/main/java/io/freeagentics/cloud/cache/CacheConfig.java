package io.freeagentics.cloud.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Objects;

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
    @Bindable(defaultValue = "10000") @Min(1) @Max(100_000_000) int l1MaxSize,
    @Bindable(defaultValue = "10s") @NotNull Duration l1Ttl,
    @Bindable(defaultValue = "5m") @NotNull Duration l2Ttl,
    @Bindable(defaultValue = "fa:cache:") @NotNull @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String keyPrefix,
    @Bindable(defaultValue = "500ms") @NotNull Duration redisTimeout,
    @Bindable(defaultValue = "1s") @NotNull Duration redisCheckEvery,
    @Bindable(defaultValue = "10000") @Min(1) @Max(10_000_000) int maxPendingInvalidations) {

  /** Checks what the annotations cannot (durations, and every rule when built by hand); names the property. */
  public CacheConfig {
    Objects.requireNonNull(l1Ttl, "fa.cache.l1-ttl");
    Objects.requireNonNull(l2Ttl, "fa.cache.l2-ttl");
    Objects.requireNonNull(keyPrefix, "fa.cache.key-prefix");
    Objects.requireNonNull(redisTimeout, "fa.cache.redis-timeout");
    Objects.requireNonNull(redisCheckEvery, "fa.cache.redis-check-every");
    positive("fa.cache.l1-ttl", l1Ttl);
    positive("fa.cache.l2-ttl", l2Ttl);
    positive("fa.cache.redis-timeout", redisTimeout);
    positive("fa.cache.redis-check-every", redisCheckEvery);
    if (l1MaxSize < 1) {
      throw new IllegalArgumentException("fa.cache.l1-max-size must be at least 1, got " + l1MaxSize);
    }
    if (maxPendingInvalidations < 1) {
      throw new IllegalArgumentException("fa.cache.max-pending-invalidations must be at least 1, got "
          + maxPendingInvalidations);
    }
    if (!keyPrefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw new IllegalArgumentException("fa.cache.key-prefix must be 1 to 64 letters, digits or _ . : -, got '"
          + keyPrefix + "'");
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

  private static void positive(String property, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(property + " must be a positive duration, got " + value);
    }
  }
}
