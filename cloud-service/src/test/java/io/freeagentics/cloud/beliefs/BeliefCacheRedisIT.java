package io.freeagentics.cloud.beliefs;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.cache.CacheConfig;
import io.freeagentics.cloud.cache.TestRedis;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.freeagentics.cloud.ingest.BeliefsStored;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The belief cache of two instances on the REAL Redis (FA_REDIS_URI, default redis://127.0.0.1:6379; keys under a
 * prefix unique to this run, deleted afterwards): a batch stored through one instance's ingest listener drops the
 * devices' latest beliefs in Redis with one message on the channel, and the other instance reads the new beliefs;
 * and an instance whose Redis does not answer goes on with L1 alone.
 */
class BeliefCacheRedisIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Long enough that only an invalidation, never the TTL, can make an instance read the new beliefs. */
  private static final BeliefCacheConfig CONFIG = new BeliefCacheConfig(true, Duration.ofMinutes(10),
      Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofSeconds(5));

  private final String prefix = "fa:test:" + UUID.randomUUID() + ":";
  private final CacheConfig cacheConfig = CacheConfig.defaults().withKeyPrefix(prefix);
  private final InMemoryBeliefQueries database = new InMemoryBeliefQueries();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private final List<TwoLevelCaches> instances = new ArrayList<>();

  private CachedBeliefQueries instance(String redisUri) {
    TwoLevelCaches caches = TwoLevelCaches.open(cacheConfig, Optional.of(redisUri));
    toClose.add(caches);
    instances.add(caches);
    return new CachedBeliefQueries(database, caches, cacheConfig, CONFIG);
  }

  @Test
  void aBatchStoredThroughOneInstanceIsInvalidatedInRedisAndOnTheOther() throws Exception {
    String uri = requireRedis();
    CachedBeliefQueries a = instance(uri);
    CachedBeliefQueries b = instance(uri);
    BeliefCacheInvalidation ingestA = new BeliefCacheInvalidation(a, CONFIG.invalidationWait());
    toClose.add(ingestA);
    try (TestRedis raw = new TestRedis(uri)) {
      List<String> channel = raw.subscribe(prefix + "invalidate");
      TestRedis.await("both instances connected to Redis", WAIT,
          () -> instances.stream().allMatch(TwoLevelCaches::l2Available));
      for (String device : List.of("d1", "d2", "d3")) {
        database.store("f1", device, 1, 3, 10);
        a.latest("f1", device);
      }
      TestRedis.await("a's loads reached Redis", WAIT, () -> raw.exists(prefix + "v:beliefs-latest:f1/d3"));
      int loads = database.latestReads.get();
      for (String device : List.of("d1", "d2", "d3")) {
        assertThat(b.latest("f1", device).get(0).tick()).isEqualTo(10);
      }
      assertThat(database.latestReads).as("b read Redis, not the database").hasValue(loads);

      List<BeliefsStored> batch = List.of(database.store("f1", "d1", 2, 3, 11), database.store("f1", "d2", 2, 3, 11),
          database.store("f1", "d1", 3, 3, 12));
      ingestA.stored(batch);

      // stored() returned, so the writer may acknowledge: Redis no longer holds the old beliefs of d1 and d2.
      assertThat(raw.exists(prefix + "v:beliefs-latest:f1/d1")).isFalse();
      assertThat(raw.exists(prefix + "v:beliefs-latest:f1/d2")).isFalse();
      assertThat(raw.exists(prefix + "v:beliefs-latest:f1/d3")).as("not in the batch").isTrue();
      assertThat(raw.get(prefix + "g:beliefs-latest:f1/d1")).as("generation moved").isEqualTo("1");
      assertThat(a.latest("f1", "d1").get(0).tick()).isEqualTo(12);
      TestRedis.await("b drops d1 and d2 when the message arrives", WAIT,
          () -> b.latest("f1", "d1").get(0).tick() == 12 && b.latest("f1", "d2").get(0).tick() == 11);
      assertThat(b.latest("f1", "d3").get(0).tick()).isEqualTo(10);
      // Messages on a channel arrive in order: once our own marker is here, every message of the batch is too.
      raw.commands().publish(prefix + "invalidate", "marker");
      TestRedis.await("the marker arrived", WAIT, () -> channel.contains("marker"));
      assertThat(channel).as("one message for the whole batch").hasSize(2);
      assertThat(channel.get(0)).startsWith("M|").endsWith("|beliefs-latest|5:f1/d15:f1/d2");
    }
    assertThat(ingestA.stats().notWaited()).isZero();
    assertThat(ingestA.stats().runs()).isEqualTo(1);
  }

  @Test
  void anInstanceWhoseRedisDoesNotAnswerGoesOnWithL1() throws Exception {
    CachedBeliefQueries lonely = instance("redis://127.0.0.1:" + freePort());
    BeliefCacheInvalidation ingest = new BeliefCacheInvalidation(lonely, CONFIG.invalidationWait());
    toClose.add(ingest);
    database.store("f1", "d1", 1, 2, 10);
    assertThat(lonely.latest("f1", "d1").get(0).tick()).isEqualTo(10);
    assertThat(lonely.latest("f1", "d1").get(0).tick()).isEqualTo(10);
    assertThat(database.latestReads).as("the second read came from L1").hasValue(1);

    ingest.stored(List.of(database.store("f1", "d1", 2, 2, 11)));

    assertThat(lonely.latest("f1", "d1").get(0).tick()).isEqualTo(11);
    ingest.close();
    assertThat(ingest.stats().failures()).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The integration Redis ({@link TestRedis#requireUri}); this test's keys are deleted afterwards. */
  private String requireRedis() {
    String uri = TestRedis.requireUri();
    toClose.add(() -> TestRedis.deleteKeys(uri, prefix));
    return uri;
  }
}
