package io.freeagentics.cloud.beliefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.cloud.cache.CacheConfig;
import io.freeagentics.cloud.cache.FakeRedisCluster;
import io.freeagentics.cloud.ingest.BeliefsStored;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cached belief reads of two instances sharing a fake Redis (messages delivered on their own thread, a clock
 * the test moves): hits and misses, invalidation by the ingest listener on every instance, complete history pages,
 * Redis down, and a slow Redis that must not hold the ingest.
 */
class CachedBeliefQueriesTest {
  private static final BeliefCacheConfig CONFIG = BeliefCacheConfig.defaults();

  private final InMemoryBeliefQueries database = new InMemoryBeliefQueries();
  private final FakeRedisCluster redis = new FakeRedisCluster();
  private final FakeRedisCluster.Node nodeA = redis.node(CacheConfig.defaults());
  private final FakeRedisCluster.Node nodeB = redis.node(CacheConfig.defaults());
  private final CachedBeliefQueries a = new CachedBeliefQueries(database, nodeA.caches, CacheConfig.defaults(), CONFIG);
  private final CachedBeliefQueries b = new CachedBeliefQueries(database, nodeB.caches, CacheConfig.defaults(), CONFIG);
  private final BeliefCacheInvalidation ingestA = new BeliefCacheInvalidation(a, Duration.ofSeconds(30));

  @AfterEach
  void close() {
    ingestA.close();
  }

  @Test
  void latestIsReadOnceThenFromL1AndTheOtherInstanceReadsRedis() {
    database.store("f1", "d1", 1, 3, 10);

    List<AgentBeliefView> first = a.latest("f1", "d1");
    List<AgentBeliefView> again = a.latest("f1", "d1");
    List<AgentBeliefView> fromRedis = b.latest("f1", "d1");

    assertThat(first).hasSize(3).isEqualTo(database.latest("f1", "d1"));
    assertThat(again).isEqualTo(first);
    assertThat(fromRedis).as("decoded from Redis, equal to the database's").isEqualTo(first);
    assertThat(database.latestReads).as("one load, plus this test's own read").hasValue(2);
    assertThat(nodeA.caches.l2Available()).isTrue();
  }

  @Test
  void theLatestOfOneAgentComesFromTheDeviceEntry() {
    database.store("f1", "d1", 1, 3, 10);

    assertThat(a.latest("f1", "d1", 1)).isEqualTo(database.latest("f1", "d1", 1));
    assertThat(a.latest("f1", "d1", 2)).isEqualTo(database.latest("f1", "d1", 2));
    assertThat(a.latest("f1", "d1", 7)).isEmpty();
    assertThat(a.latest("f1", "nobody", 0)).isEmpty();
    assertThat(database.latestReads).as("d1 once, nobody once").hasValue(2);
    assertThatThrownBy(() -> a.latest("f1", "d1", -1)).hasMessage("agent must be >= 0 but was -1");
  }

  @Test
  void aStoredBatchDropsTheLatestOfItsDevicesOnEveryInstanceBeforeTheListenerReturns() {
    BeliefsStored d1 = database.store("f1", "d1", 1, 2, 10);
    database.store("f1", "d2", 1, 2, 10);
    database.store("f1", "d3", 1, 2, 10);
    for (String device : List.of("d1", "d2", "d3")) {
      a.latest("f1", device);
      b.latest("f1", device);
    }
    int published = redis.published().size();
    List<BeliefsStored> batch = List.of(database.store("f1", "d1", 2, 2, 11), database.store("f1", "d2", 2, 2, 11),
        database.store("f1", "d1", 3, 2, 12));

    ingestA.stored(batch);

    // The writer acknowledges after stored() returns: this instance already reads the new beliefs.
    assertThat(a.latest("f1", "d1").get(0).sequence()).isEqualTo(3);
    assertThat(a.latest("f1", "d2").get(0).sequence()).isEqualTo(2);
    assertThat(redis.published()).as("one message for the whole batch").hasSize(published + 1);
    assertThat(redis.published().get(published)).contains("|beliefs-latest|5:f1/d15:f1/d2");
    redis.awaitDeliveries();
    assertThat(b.latest("f1", "d1").get(1).tick()).isEqualTo(12);
    assertThat(b.latest("f1", "d2").get(1).tick()).isEqualTo(11);
    int reads = database.latestReads.get();
    assertThat(b.latest("f1", "d3")).as("d3 was not in the batch: still cached").isNotEmpty();
    assertThat(database.latestReads).hasValue(reads);
    assertThat(d1.device()).isEqualTo("d1");
    ingestA.close();
    assertThat(ingestA.stats().batches()).isEqualTo(1);
    assertThat(ingestA.stats().devices()).isEqualTo(2);
    assertThat(ingestA.stats().notWaited()).isZero();
  }

  @Test
  void historyBelowTheLatestTickIsCachedAndTheOpenEndIsNot() {
    for (long sequence = 1; sequence <= 10; sequence++) {
      database.store("f1", "d1", sequence, 1, sequence * 10);
    }

    List<AgentBeliefView> closed = a.history("f1", "d1", 0, 20, 50, 100);
    List<AgentBeliefView> closedAgain = a.history("f1", "d1", 0, 20, 50, 100);
    List<AgentBeliefView> closedOnB = b.history("f1", "d1", 0, 20, 50, 100);
    assertThat(closed).extracting(AgentBeliefView::tick).containsExactly(20L, 30L, 40L, 50L);
    assertThat(closedAgain).isEqualTo(closed);
    assertThat(closedOnB).as("from Redis").isEqualTo(closed);
    assertThat(database.historyReads).hasValue(1);

    List<AgentBeliefView> fullPage = a.history("f1", "d1", 0, 0, Long.MAX_VALUE, 3);
    a.history("f1", "d1", 0, 0, Long.MAX_VALUE, 3);
    assertThat(fullPage).extracting(AgentBeliefView::tick).containsExactly(10L, 20L, 30L);
    assertThat(database.historyReads).as("a full page below the latest tick cannot change").hasValue(2);

    List<AgentBeliefView> open = a.history("f1", "d1", 0, 50, Long.MAX_VALUE, 100);
    a.history("f1", "d1", 0, 50, Long.MAX_VALUE, 100);
    assertThat(open).extracting(AgentBeliefView::tick).containsExactly(50L, 60L, 70L, 80L, 90L, 100L);
    assertThat(database.historyReads).as("the page holds the latest tick: read each time").hasValue(4);

    a.history("f1", "d1", 0, 100, 200, 100);
    a.history("f1", "d1", 0, 100, 200, 100);
    assertThat(database.historyReads).as("from the latest tick on: read each time").hasValue(6);

    ingestA.stored(List.of(database.store("f1", "d1", 11, 1, 110), database.store("f1", "d1", 12, 1, 100)));
    assertThat(a.history("f1", "d1", 0, 50, Long.MAX_VALUE, 100)).extracting(AgentBeliefView::tick)
        .containsExactly(50L, 60L, 70L, 80L, 90L, 100L, 100L, 110L);
    assertThat(a.history("f1", "d1", 0, 20, 50, 100)).as("still the cached page").isEqualTo(closed);
  }

  @Test
  void historyArgumentsAreCheckedBeforeAnyRead() {
    assertThatThrownBy(() -> a.history("f1", "d1", 0, 5, 2, 10))
        .hasMessage("tick range must be 0 <= fromTick <= toTick but was fromTick=5, toTick=2");
    assertThatThrownBy(() -> a.history("f1", "d1", 0, 0, 2, 0)).hasMessage("limit must be 1..10000 but was 0");
    assertThatThrownBy(() -> a.latest("", "d1")).hasMessage("fleet must not be empty but was ''");
    assertThat(database.historyReads).hasValue(0);
    assertThat(database.latestReads).hasValue(0);
  }

  @Test
  void withRedisDownTheInstanceRunsOnL1AndIsStaleAtMostTheLatestL1Ttl() {
    database.store("f1", "d1", 1, 1, 10);
    b.latest("f1", "d1");
    nodeA.goDown();
    a.latest("f1", "d1");
    a.latest("f1", "d1");
    assertThat(database.latestReads).as("b once; a once, then its L1").hasValue(2);

    ingestA.stored(List.of(database.store("f1", "d1", 2, 1, 11)));
    assertThat(a.latest("f1", "d1").get(0).tick()).as("A's own L1 was dropped").isEqualTo(11);
    redis.awaitDeliveries();
    assertThat(b.latest("f1", "d1").get(0).tick()).as("B never heard of it: stale").isEqualTo(10);
    redis.advance(CONFIG.latestTtl().minusMillis(1));
    assertThat(b.latest("f1", "d1").get(0).tick()).isEqualTo(10);
    redis.advance(Duration.ofMillis(1));
    assertThat(b.latest("f1", "d1").get(0).tick()).as("L1 TTL over: B reads Redis, still old there")
        .isEqualTo(10);

    nodeA.comeBack();
    redis.awaitDeliveries();
    assertThat(b.latest("f1", "d1").get(0).tick()).as("A replayed its invalidation").isEqualTo(11);
  }

  @Test
  void withoutAWaitTheListenerReturnsAtOnceAndTheInvalidationFollows() {
    try (BeliefCacheInvalidation ingest = new BeliefCacheInvalidation(a, Duration.ZERO)) {
      database.store("f1", "d1", 1, 1, 10);
      a.latest("f1", "d1");
      nodeA.holdBatchInvalidations();

      ingest.stored(List.of(database.store("f1", "d1", 2, 1, 11)));

      assertThat(ingest.stats().notWaited()).isEqualTo(1);
      assertThat(a.latest("f1", "d1").get(0).tick()).as("held: the previous latest is still served").isEqualTo(10);
      nodeA.open();
      ingest.close();
      assertThat(a.latest("f1", "d1").get(0).tick()).isEqualTo(11);
    }
    assertThatThrownBy(() -> new BeliefCacheInvalidation(a, Duration.ofMillis(-1)))
        .hasMessage("wait must not be negative but was PT-0.001S");
  }

  @Test
  void aSlowRedisDoesNotHoldTheIngest() {
    try (BeliefCacheInvalidation ingest = new BeliefCacheInvalidation(a, Duration.ofMillis(20))) {
      database.store("f1", "d1", 1, 1, 10);
      a.latest("f1", "d1");
      nodeA.holdBatchInvalidations();

      ingest.stored(List.of(database.store("f1", "d1", 2, 1, 11)));
      ingest.stored(List.of(database.store("f1", "d2", 1, 1, 11)));

      assertThat(ingest.stats().notWaited()).as("the first waited its bound, the second not at all").isEqualTo(2);
      nodeA.open();
      ingest.close();
      assertThat(ingest.stats().devices()).isEqualTo(2);
      assertThat(ingest.stats().failures()).isZero();
      assertThat(a.latest("f1", "d1").get(0).tick()).isEqualTo(11);
    }
  }
}
