package io.freeagentics.cloud.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Batch invalidation ({@link TwoLevelCache#invalidateAll(java.util.Collection)}), values cached only when complete
 * ({@link TwoLevelCache#get(Object, java.util.function.Function, java.util.function.Predicate)}) and the order of an
 * invalidation (Redis, then L1), on a fake Redis shared by two instances.
 */
class TwoLevelCacheBatchTest {

  private static final ValueCodec<String> UTF8 = ValueCodec.of(
      value -> value.getBytes(StandardCharsets.UTF_8), bytes -> new String(bytes, StandardCharsets.UTF_8));

  private final FakeRedisCluster redis = new FakeRedisCluster();
  private final Map<String, String> database = new ConcurrentHashMap<>(Map.of("d1", "v1", "d2", "w1", "d3", "x1"));
  private final AtomicInteger loads = new AtomicInteger();
  private final FakeRedisCluster.Node nodeA = redis.node(CacheConfig.defaults());
  private final FakeRedisCluster.Node nodeB = redis.node(CacheConfig.defaults());
  private final TwoLevelCache<String, String> a = nodeA.caches.create("latest", key -> key, UTF8);
  private final TwoLevelCache<String, String> b = nodeB.caches.create("latest", key -> key, UTF8);

  private String load(String key) {
    loads.incrementAndGet();
    return database.get(key);
  }

  @Test
  void aBatchIsOneRoundTripAndOneMessageAndReachesTheOtherInstance() {
    for (String key : List.of("d1", "d2", "d3")) {
      a.get(key, this::load);
      b.get(key, this::load);
    }
    assertThat(loads).hasValue(3);
    database.putAll(Map.of("d1", "v2", "d2", "w2", "d3", "x2"));
    int before = redis.published().size();

    a.invalidateAll(List.of("d1", "d2", "d3", "d1"));
    redis.awaitDeliveries();

    assertThat(nodeA.batchInvalidations()).isEqualTo(1);
    assertThat(redis.published()).hasSize(before + 1);
    assertThat(redis.published().get(before)).startsWith("M|").contains("latest|2:d12:d22:d3");
    assertThat(redis.holds("latest", "d1")).isFalse();
    assertThat(b.getIfPresent("d1")).isNull();
    assertThat(b.getIfPresent("d3")).isNull();
    assertThat(b.get("d2", this::load)).isEqualTo("w2");
    assertThat(a.get("d1", this::load)).isEqualTo("v2");
    assertThat(a.stats().invalidationsSent()).isEqualTo(3);
    assertThat(b.stats().invalidationsReceived()).isEqualTo(3);
    assertThat(a.stats().invalidationsReceived()).as("an instance ignores its own message").isZero();
  }

  @Test
  void anEmptyBatchDoesNothing() {
    int before = redis.published().size();
    a.invalidateAll(List.of());
    assertThat(redis.published()).hasSize(before);
    assertThat(nodeA.batchInvalidations()).isZero();
  }

  @Test
  void withRedisDownABatchDropsL1AndIsReplayedWhenRedisIsBack() {
    a.get("d1", this::load);
    a.get("d2", this::load);
    nodeA.goDown();
    database.putAll(Map.of("d1", "v2", "d2", "w2"));

    a.invalidateAll(List.of("d1", "d2"));

    assertThat(a.getIfPresent("d1")).isNull();
    assertThat(a.stats().pendingInvalidations()).isEqualTo(2);
    assertThat(redis.holds("latest", "d1")).as("Redis still has the old value").isTrue();
    nodeA.comeBack();
    assertThat(a.stats().pendingInvalidations()).isZero();
    assertThat(redis.holds("latest", "d1")).as("replayed").isFalse();
    assertThat(b.get("d1", this::load)).isEqualTo("v2");
  }

  @Test
  void aReadDuringAnInvalidationCannotPutTheOldRedisValueBackIntoL1() throws Exception {
    a.get("d1", this::load);
    database.put("d1", "v2");
    nodeA.holdBatchInvalidations();
    Thread writer = new Thread(() -> a.invalidateAll(List.of("d1")));
    writer.start();
    nodeA.awaitHeld();

    // Redis is not invalidated yet: the read still sees the old value (the invalidation has not happened).
    assertThat(a.get("d1", this::load)).isEqualTo("v1");
    nodeA.open();
    writer.join();

    assertThat(a.get("d1", this::load)).isEqualTo("v2");
  }

  @Test
  void aValueIsCachedOnlyWhenTheCallerSaysItIsComplete() {
    String incomplete = a.get("d1", this::load, value -> value.startsWith("x"));
    String again = a.get("d1", this::load, value -> value.startsWith("x"));

    assertThat(incomplete).isEqualTo("v1");
    assertThat(again).isEqualTo("v1");
    assertThat(loads).as("not cached: loaded each time").hasValue(2);
    assertThat(a.getIfPresent("d1")).isNull();
    assertThat(redis.holds("latest", "d1")).isFalse();

    assertThat(a.get("d3", this::load, value -> value.startsWith("x"))).isEqualTo("x1");
    assertThat(a.get("d3", this::load, value -> value.startsWith("x"))).isEqualTo("x1");
    assertThat(loads).hasValue(3);
    assertThat(redis.holds("latest", "d3")).isTrue();
    assertThat(b.get("d3", this::load, value -> true)).as("from Redis").isEqualTo("x1");
    assertThat(loads).hasValue(3);
  }

  @Test
  void aNullLoadIsReturnedUncached() {
    assertThat(a.get("nobody", this::load, value -> true)).isNull();
    assertThat(a.get("nobody", this::load, value -> true)).isNull();
    assertThat(loads).hasValue(2);
  }

  @Test
  void anEntryExpiresAfterItsL1TtlWhenAnInvalidationIsMissed() {
    b.get("d1", this::load);
    nodeB.goDown();
    database.put("d1", "v2");
    a.invalidateAll(List.of("d1"));
    redis.awaitDeliveries();
    assertThat(b.get("d1", this::load)).as("missed: stale within the L1 TTL").isEqualTo("v1");
    redis.advance(Duration.ofSeconds(10));
    assertThat(b.get("d1", this::load)).isEqualTo("v2");
  }
}
