package io.freeagentics.cloud.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.cloud.cache.internal.L2Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two-level cache against a fake L2 shared by two "instances", with a controllable clock. */
class TwoLevelCacheTest {

  private static final ValueCodec<String> UTF8 = ValueCodec.of(
      value -> value.getBytes(StandardCharsets.UTF_8), bytes -> new String(bytes, StandardCharsets.UTF_8));
  private static final CacheConfig CONFIG = CacheConfig.defaults().withTtls(Duration.ofSeconds(10),
      Duration.ofMinutes(5));

  private final FakeL2Store.Server redis = new FakeL2Store.Server();
  private final AtomicLong nanos = new AtomicLong();
  /** The source of truth both instances load from. */
  private final Map<String, String> database = new ConcurrentHashMap<>(Map.of("d1", "v1", "d2", "w1"));
  private final AtomicInteger loads = new AtomicInteger();

  private final FakeL2Store storeA = new FakeL2Store(redis);
  private final FakeL2Store storeB = new FakeL2Store(redis);
  private final TwoLevelCache<String, String> a = instance(storeA);
  private final TwoLevelCache<String, String> b = instance(storeB);

  private TwoLevelCache<String, String> instance(L2Store store) {
    TwoLevelCaches caches = new TwoLevelCaches(CONFIG, store, Optional.empty(), nanos::get);
    return caches.<String, String>create("twins", key -> key, UTF8);
  }

  private String load(String key) {
    loads.incrementAndGet();
    return database.get(key);
  }

  @Test
  void firstReadLoadsThenL1AnswersAndAnotherInstanceReadsRedis() {
    assertThat(a.get("d1", this::load)).isEqualTo("v1");
    assertThat(a.get("d1", this::load)).isEqualTo("v1");
    assertThat(b.get("d1", this::load)).isEqualTo("v1");

    assertThat(loads).hasValue(1);
    assertThat(redis.values).containsKey("twins:d1");
    assertThat(redis.ttls).containsExactly(Duration.ofMinutes(5));
    TwoLevelCacheStats statsA = a.stats();
    assertThat(statsA.loads()).isEqualTo(1);
    assertThat(statsA.l1Hits()).isEqualTo(1);
    assertThat(statsA.l2Available()).isTrue();
    assertThat(b.stats().l2Hits()).isEqualTo(1);
  }

  @Test
  void invalidationDropsL1AndRedisHereAndL1OnTheOtherInstance() {
    a.get("d1", this::load);
    b.get("d1", this::load);
    database.put("d1", "v2");

    a.invalidate("d1");
    redis.awaitDeliveries();

    assertThat(redis.values).doesNotContainKey("twins:d1");
    assertThat(a.getIfPresent("d1")).isNull();
    assertThat(b.getIfPresent("d1")).as("dropped on the other instance").isNull();
    assertThat(b.get("d1", this::load)).isEqualTo("v2");
    assertThat(a.get("d1", this::load)).as("from Redis, loaded by b").isEqualTo("v2");
    assertThat(a.stats().invalidationsSent()).isEqualTo(1);
    assertThat(b.stats().invalidationsReceived()).isEqualTo(1);
    assertThat(a.stats().invalidationsReceived()).as("own messages skipped").isZero();
  }

  @Test
  void loadRacingAnInvalidationCannotStoreItsOldValueInRedis() {
    // a loads the old value; while it loads, b's writer updates the database and invalidates.
    String loaded = a.get("d1", key -> {
      String old = load(key);
      database.put("d1", "v2");
      b.invalidate("d1");
      return old;
    });

    redis.awaitDeliveries();
    assertThat(loaded).isEqualTo("v1");
    assertThat(redis.values).as("the stale load was refused by the generation check").doesNotContainKey("twins:d1");
    assertThat(b.get("d1", this::load)).isEqualTo("v2");
  }

  @Test
  void withRedisDownReadsUseL1AndTheLoaderAndInvalidationsAreReplayedLater() {
    a.get("d1", this::load);
    b.get("d1", this::load);
    storeA.goDown();

    assertThat(a.get("d2", this::load)).isEqualTo("w1");
    assertThat(a.get("d2", this::load)).isEqualTo("w1");
    assertThat(loads).as("d1 once, d2 once: L1 still works").hasValue(2);
    assertThat(a.stats().l2Available()).isFalse();

    database.put("d1", "v2");
    a.invalidate("d1");
    assertThat(a.stats().pendingInvalidations()).isEqualTo(1);
    assertThat(redis.values).as("Redis still holds the old value while a cannot reach it").containsKey("twins:d1");
    assertThat(a.get("d1", this::load)).isEqualTo("v2");

    storeA.comeBack();
    redis.awaitDeliveries();

    assertThat(a.stats().pendingInvalidations()).isZero();
    assertThat(redis.values).as("replayed on reconnect").doesNotContainKey("twins:d1");
    assertThat(b.getIfPresent("d1")).as("b heard the replayed invalidation").isNull();
    assertThat(b.get("d1", this::load)).isEqualTo("v2");
    assertThat(a.getIfPresent("d2")).as("L1 cleared on reconnect: broadcasts may have been lost").isNull();
  }

  @Test
  void aMissedInvalidationIsStaleForAtMostTheL1Ttl() {
    b.get("d1", this::load);
    storeB.mute();
    database.put("d1", "v2");
    a.invalidate("d1");
    redis.awaitDeliveries();

    assertThat(b.get("d1", this::load)).as("b missed the broadcast: stale within the L1 TTL").isEqualTo("v1");
    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(b.get("d1", this::load)).isEqualTo("v1");
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(b.get("d1", this::load)).as("after the L1 TTL").isEqualTo("v2");
  }

  @Test
  void overflowingPendingInvalidationsInvalidateTheWholeCacheOnReconnect() {
    FakeL2Store store = new FakeL2Store(redis);
    TwoLevelCache<String, String> small = new TwoLevelCaches(
        new CacheConfig(100, Duration.ofSeconds(10), Duration.ofMinutes(5), "fa:cache:", Duration.ofMillis(500),
            Duration.ofSeconds(1), 2), store, Optional.empty(), nanos::get).create("twins", key -> key, UTF8);
    a.get("d1", this::load);
    a.get("d2", this::load);
    store.goDown();
    small.invalidate("x1");
    small.invalidate("x2");
    small.invalidate("x3");
    assertThat(small.stats().pendingInvalidations()).isEqualTo(-1);

    store.comeBack();
    redis.awaitDeliveries();

    assertThat(redis.values).isEmpty();
    assertThat(a.getIfPresent("d1")).as("whole-cache invalidation broadcast").isNull();
    assertThat(small.stats().pendingInvalidations()).isZero();
  }

  @Test
  void undecodableRedisValueIsReloadedAndCounted() {
    redis.values.put("twins:d1", new byte[] {1, 2, 3});
    TwoLevelCache<String, String> strict = new TwoLevelCaches(CONFIG, new FakeL2Store(redis), Optional.empty(),
        nanos::get).create("twins", key -> key, ValueCodec.of(value -> value.getBytes(StandardCharsets.UTF_8),
            bytes -> {
              if (bytes[0] == 1) {
                throw new IOException("not UTF-8 text");
              }
              return new String(bytes, StandardCharsets.UTF_8);
            }));

    assertThat(strict.get("d1", this::load)).isEqualTo("v1");
    assertThat(strict.stats().decodeErrors()).isEqualTo(1);
    assertThat(loads).hasValue(1);
  }

  @Test
  void nullIsReturnedButNotCachedAndLoaderExceptionsPropagate() {
    assertThat(a.get("missing", this::load)).isNull();
    assertThat(a.get("missing", this::load)).isNull();
    assertThat(loads).hasValue(2);
    assertThat(redis.values).isEmpty();

    assertThatThrownBy(() -> a.get("d1", key -> {
      throw new IllegalStateException("database down");
    })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
    assertThat(a.getIfPresent("d1")).isNull();
  }

  @Test
  void withoutRedisTheCacheRunsOnL1Alone() {
    TwoLevelCaches caches = TwoLevelCaches.open(CONFIG, Optional.empty());
    TwoLevelCache<String, String> local = caches.<String, String>create("twins", key -> key, UTF8);
    assertThat(local.get("d1", this::load)).isEqualTo("v1");
    assertThat(local.get("d1", this::load)).isEqualTo("v1");
    local.invalidate("d1");
    assertThat(local.get("d1", this::load)).isEqualTo("v1");
    assertThat(loads).hasValue(2);
    assertThat(local.stats().l2Available()).isFalse();
    assertThat(local.stats().l2Errors()).isZero();
    caches.close();
  }

  @Test
  void namesAreCheckedAndUnique() {
    TwoLevelCaches caches = new TwoLevelCaches(CONFIG, new FakeL2Store(redis), Optional.empty(), nanos::get);
    caches.<String, String>create("twins", key -> key, UTF8);
    assertThatThrownBy(() -> caches.<String, String>create("twins", key -> key, UTF8))
        .hasMessage("a cache named 'twins' exists already");
    assertThatThrownBy(() -> caches.<String, String>create("tw:ins", key -> key, UTF8))
        .hasMessage("cache name must be 1 to 64 letters, digits or _ . -, got 'tw:ins'");
    assertThatThrownBy(() -> a.get(null, this::load)).isInstanceOf(NullPointerException.class).hasMessage("key");
  }
}
