package io.freeagentics.cloud.beliefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.cloud.ingest.BeliefsListener;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code fa.cache.beliefs.*}: defaults, every problem reported with the others at startup, and the switch. */
class BeliefCacheConfigTest {

  @Test
  void byDefaultTheReadsAreCachedAndTheIngestInvalidates() {
    try (ApplicationContext context = ApplicationContext.run("apitest")) {
      BeliefCacheConfig config = context.getBean(BeliefCacheConfig.class);
      assertThat(config).isEqualTo(BeliefCacheConfig.defaults());
      assertThat(context.getBean(BeliefQueries.class)).isInstanceOf(CachedBeliefQueries.class);
      assertThat(context.getBeansOfType(BeliefsListener.class))
          .anyMatch(listener -> listener instanceof BeliefCacheInvalidation);
    }
  }

  @Test
  void switchedOffTheDatabaseIsReadEveryTime() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("fa.cache.beliefs.enabled", "false"),
        "apitest")) {
      assertThat(context.getBean(BeliefQueries.class)).isInstanceOf(JdbcBeliefQueries.class);
      assertThat(context.getBeansOfType(BeliefsListener.class))
          .noneMatch(listener -> listener instanceof BeliefCacheInvalidation);
    }
  }

  @Test
  void settingsAreBoundFromKebabCaseProperties() {
    try (ApplicationContext context = ApplicationContext.run(Map.of("fa.cache.beliefs.latest-ttl", "2s",
        "fa.cache.beliefs.history-redis-ttl", "1h", "fa.cache.beliefs.invalidation-wait", "250ms"), "apitest")) {
      BeliefCacheConfig config = context.getBean(BeliefCacheConfig.class);
      assertThat(config.latestTtl()).isEqualTo(Duration.ofSeconds(2));
      assertThat(config.historyRedisTtl()).isEqualTo(Duration.ofHours(1));
      assertThat(config.invalidationWait()).isEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void aNegativeWaitIsRefusedAndZeroMeansNeverWait() {
    jakarta.validation.Validator validator = io.micronaut.validation.validator.Validator.getInstance();
    BeliefCacheConfig d = BeliefCacheConfig.defaults();
    assertThat(new BeliefCacheConfig(true, d.latestTtl(), d.latestRedisTtl(), d.historyTtl(), d.historyRedisTtl(),
        Duration.ofMillis(-5)).problems(validator))
        .containsExactly("fa.cache.beliefs.invalidation-wait = PT-0.005S: must not be negative");
    assertThat(new BeliefCacheConfig(true, d.latestTtl(), d.latestRedisTtl(), d.historyTtl(), d.historyRedisTtl(),
        Duration.ZERO).problems(validator)).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithTheOtherRecordsProblems() {
    try (ApplicationContext context = ApplicationContext.builder().environments("apitest")
        .properties(Map.of("fa.cache.beliefs.latest-ttl", "0s", "fa.cache.beliefs.history-redis-ttl", "-1s",
            "fa.cache.beliefs.invalidation-wait", "10s", "fa.cache.beliefs.latest-redis-ttl", "0s",
            "fa.twin.known-devices", "0"))
        .build()) {
      assertThatThrownBy(context::start)
          .hasStackTraceContaining("The configuration has 5 problems:")
          .hasStackTraceContaining("fa.cache.beliefs.latest-redis-ttl = PT0S: must be positive")
          .hasStackTraceContaining("fa.cache.beliefs.latest-ttl = PT0S: must be positive")
          .hasStackTraceContaining("fa.cache.beliefs.history-redis-ttl = PT-1S: must be positive")
          .hasStackTraceContaining("fa.cache.beliefs.invalidation-wait = PT10S: must be at most PT5S")
          .hasStackTraceContaining("fa.twin.known-devices = 0: must be greater than or equal to 1");
    }
  }
}
