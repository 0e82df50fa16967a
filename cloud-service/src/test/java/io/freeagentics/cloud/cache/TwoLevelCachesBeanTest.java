package io.freeagentics.cloud.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caches as Micronaut beans: {@code fa.cache.*} bound and validated, L1 only without {@code fa.redis.uri}. */
class TwoLevelCachesBeanTest {

  /**
   * The whole service's context (its eager beans start too), kept off external services: a database of its own in
   * memory, MQTT on a port where nothing listens (the ingest retries in the background), no Redis, the mirror's
   * model spelled out. Only the cache beans are looked at.
   */
  private static ApplicationContext context(Map<String, Object> properties) {
    Map<String, Object> all = new java.util.HashMap<>(properties);
    all.put("fa.db.url", "jdbc:h2:mem:cache-bean-" + java.util.UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    all.put("fa.mqtt.uri", "tcp://127.0.0.1:1");
    // No Redis even when the environment names one (FA_REDIS_URI is set for the integration tests).
    all.putIfAbsent("fa.redis.uri", "");
    all.put("fa.data-dir", System.getProperty("java.io.tmpdir") + "/fa-cache-bean-test");
    all.put("fa.mirror.model", "grid:5");
    return ApplicationContext.builder().properties(all).deduceEnvironment(false).start();
  }

  @Test
  void configurationIsBoundAndTheCachesRunOnL1WithoutRedis() {
    try (ApplicationContext context = context(Map.of("fa.cache.l1-ttl", "3s", "fa.cache.l2-ttl", "2m",
        "fa.cache.key-prefix", "fa:bean-test:"))) {
      CacheConfig config = context.getBean(CacheConfig.class);
      assertThat(config.l1Ttl()).isEqualTo(Duration.ofSeconds(3));
      assertThat(config.l2Ttl()).isEqualTo(Duration.ofMinutes(2));
      assertThat(config.l1MaxSize()).isEqualTo(10_000);
      TwoLevelCaches caches = context.getBean(TwoLevelCaches.class);
      TwoLevelCache<String, String> cache = caches.create("bean-test", key -> key,
          ValueCodec.of(value -> value.getBytes(StandardCharsets.UTF_8),
              bytes -> new String(bytes, StandardCharsets.UTF_8)));
      assertThat(cache.get("k", key -> "v")).isEqualTo("v");
      assertThat(caches.l2Available()).isFalse();
    }
  }

  @Test
  void invalidConfigurationFailsTheStartNamingTheProperty() {
    // The cached twins are created with the context, so a bad cache setting stops the service at start-up.
    assertThatThrownBy(() -> context(Map.of("fa.cache.l1-max-size", "0")).close())
        .hasStackTraceContaining("fa.cache.l1-max-size = 0: must be 1 to 100000000");
  }
}
