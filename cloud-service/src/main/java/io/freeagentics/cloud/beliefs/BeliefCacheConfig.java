package io.freeagentics.cloud.beliefs;

import io.freeagentics.cloud.config.ConfigurationCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The belief read cache ({@code fa.cache.beliefs.*}, docs/cloud-cache.md); checked with every other configuration
 * record by {@link ConfigurationCheck} at startup. The L1 size, Redis and its timeouts are the shared
 * {@code fa.cache.*} settings.
 *
 * @param enabled {@code false} reads beliefs from the database every time (no cache, no invalidation listener)
 * @param latestTtl how long a device's latest beliefs stay in an instance's memory (L1); the longest they can be
 *     stale when an invalidation cannot reach this instance (Redis down)
 * @param latestRedisTtl how long a device's latest beliefs stay in Redis
 * @param historyTtl how long a complete history page stays in an instance's memory (L1)
 * @param historyRedisTtl how long a complete history page stays in Redis; with {@code historyTtl}, the longest a
 *     row stored late (below ticks already stored) can be missing from a cached page
 * @param invalidationWait how long the ingest's writer waits for a batch's invalidation before it acknowledges the
 *     batch anyway (Redis slow); within it, an acknowledged message is never hidden by a cached latest. Zero: never
 *     wait (the ingest saves about one Redis round trip per batch; a read right after an ack may see the previous
 *     latest until the invalidation lands)
 */
@Introspected
@ConfigurationProperties("fa.cache.beliefs")
public record BeliefCacheConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "5s") Duration latestTtl,
    @Bindable(defaultValue = "1m") Duration latestRedisTtl,
    @Bindable(defaultValue = "1m") Duration historyTtl,
    @Bindable(defaultValue = "10m") Duration historyRedisTtl,
    @Bindable(defaultValue = "100ms") Duration invalidationWait) {

  /** The longest {@link #invalidationWait}: beyond it a slow Redis would stall the ingest for too long. */
  public static final Duration MAX_INVALIDATION_WAIT = Duration.ofSeconds(5);

  /** The defaults, as with no configuration. */
  public static BeliefCacheConfig defaults() {
    return new BeliefCacheConfig(true, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofMinutes(10), Duration.ofMillis(100));
  }

  @Override
  public @NotNull Duration latestTtl() {
    return latestTtl;
  }

  @Override
  public @NotNull Duration latestRedisTtl() {
    return latestRedisTtl;
  }

  @Override
  public @NotNull Duration historyTtl() {
    return historyTtl;
  }

  @Override
  public @NotNull Duration historyRedisTtl() {
    return historyRedisTtl;
  }

  @Override
  public @NotNull Duration invalidationWait() {
    return invalidationWait;
  }

  /**
   * Every problem of this record, each as {@code fa.cache.beliefs.<property> = <value>: <problem>}; part of the
   * startup {@link ConfigurationCheck}.
   */
  public List<String> problems(Validator validator) {
    List<String> problems = new ArrayList<>(ConfigurationCheck.violations("fa.cache.beliefs", this, validator));
    positive(problems, "latest-ttl", latestTtl);
    positive(problems, "latest-redis-ttl", latestRedisTtl);
    positive(problems, "history-ttl", historyTtl);
    positive(problems, "history-redis-ttl", historyRedisTtl);
    if (invalidationWait != null && invalidationWait.isNegative()) {
      problems.add("fa.cache.beliefs.invalidation-wait = " + invalidationWait + ": must not be negative");
    }
    if (invalidationWait != null && invalidationWait.compareTo(MAX_INVALIDATION_WAIT) > 0) {
      problems.add("fa.cache.beliefs.invalidation-wait = " + invalidationWait + ": must be at most "
          + MAX_INVALIDATION_WAIT);
    }
    return problems;
  }

  private static void positive(List<String> problems, String property, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      problems.add("fa.cache.beliefs." + property + " = " + value + ": must be positive");
    }
  }
}
