package io.freeagentics.cloud.beliefs;

import io.freeagentics.cloud.cache.CacheConfig;
import io.freeagentics.cloud.cache.TwoLevelCache;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link BeliefQueries} through the two-level cache (docs/cloud-cache.md, "Belief reads"); the database
 * ({@link JdbcBeliefQueries}) stays the source of truth.
 *
 * <ul>
 *   <li>cache {@code beliefs-latest}, key {@code fleet/device}: the latest beliefs of every agent of a device, also
 *       answering the latest of one agent. Dropped on every instance when the ingest stores beliefs of the device
 *       ({@link #invalidateDevices}, called by {@link BeliefCacheInvalidation}).</li>
 *   <li>cache {@code beliefs-history}, key {@code fleet/device/agent/fromTick/toTick/limit}: history pages that can
 *       no longer change, i.e. every row lies below the agent's latest stored tick and the page cannot grow
 *       ({@code toTick} is below it, or the page is full). Never invalidated: they live for their TTLs. Pages that
 *       may still grow are read from the database every time.</li>
 * </ul>
 *
 * The Micronaut bean replaces {@link JdbcBeliefQueries} wherever {@link BeliefQueries} is injected, unless
 * {@code fa.cache.beliefs.enabled=false}.
 */
@Primary
@Singleton
@Requires(property = "fa.cache.beliefs.enabled", notEquals = "false")
public class CachedBeliefQueries implements BeliefQueries {
  /** The cache of devices' latest beliefs. */
  public static final String LATEST = "beliefs-latest";
  /** The cache of complete history pages. */
  public static final String HISTORY = "beliefs-history";

  private final BeliefQueries source;
  private final TwoLevelCache<DeviceRef, List<AgentBeliefView>> latest;
  private final TwoLevelCache<HistoryKey, List<AgentBeliefView>> history;

  /** The Micronaut bean: the JDBC queries behind the caches of {@code caches}. */
  @Inject
  CachedBeliefQueries(JdbcBeliefQueries source, TwoLevelCaches caches, CacheConfig cacheConfig,
      BeliefCacheConfig config) {
    this((BeliefQueries) source, caches, cacheConfig, config);
  }

  /**
   * Caches the reads of {@code source} in {@code caches} (e.g. for a load tool).
   *
   * @param cacheConfig the shared settings (L1 size, pending invalidations); the TTLs come from {@code config}
   * @throws IllegalArgumentException when a TTL is not positive, or the caches exist already in {@code caches}
   */
  public CachedBeliefQueries(BeliefQueries source, TwoLevelCaches caches, CacheConfig cacheConfig,
      BeliefCacheConfig config) {
    this.source = Objects.requireNonNull(source, "source");
    Objects.requireNonNull(caches, "caches");
    Objects.requireNonNull(cacheConfig, "cacheConfig");
    Objects.requireNonNull(config, "config");
    BeliefViewsCodec codec = new BeliefViewsCodec();
    this.latest = caches.create(LATEST, DeviceRef::formatted, codec,
        cacheConfig.withTtls(config.latestTtl(), config.latestRedisTtl()));
    this.history = caches.create(HISTORY, HistoryKey::formatted, codec,
        cacheConfig.withTtls(config.historyTtl(), config.historyRedisTtl()));
  }

  @Override
  public List<AgentBeliefView> latest(String fleet, String device) {
    return latest.get(DeviceRef.of(fleet, device), key -> source.latest(key.fleet(), key.device()));
  }

  @Override
  public Optional<AgentBeliefView> latest(String fleet, String device, int agent) {
    checkAgent(agent);
    for (AgentBeliefView view : latest(fleet, device)) {
      if (view.agent() == agent) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<AgentBeliefView> history(String fleet, String device, int agent, long fromTick, long toTick,
      int limit) {
    checkAgent(agent);
    if (fromTick < 0 || toTick < 0 || fromTick > toTick) {
      throw new IllegalArgumentException("tick range must be 0 <= fromTick <= toTick but was fromTick=" + fromTick
          + ", toTick=" + toTick);
    }
    if (limit < 1 || limit > JdbcBeliefQueries.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + JdbcBeliefQueries.MAX_LIMIT + " but was " + limit);
    }
    Optional<AgentBeliefView> newest = latest(fleet, device, agent);
    if (newest.isEmpty() || fromTick >= newest.get().tick()) {
      // Nothing stored yet, or only the newest tick onwards: rows may still be added to this page.
      return source.history(fleet, device, agent, fromTick, toTick, limit);
    }
    long latestTick = newest.get().tick();
    return history.get(new HistoryKey(DeviceRef.of(fleet, device), agent, fromTick, toTick, limit),
        key -> source.history(fleet, device, agent, fromTick, toTick, limit),
        page -> complete(page, toTick, limit, latestTick));
  }

  /**
   * Drops the latest beliefs of these devices here, in Redis and on every other instance: one Redis round trip and
   * one message for them all.
   */
  public void invalidateDevices(Collection<DeviceRef> devices) {
    latest.invalidateAll(devices);
  }

  /**
   * Whether a history page read when the agent's latest stored tick was {@code latestTick} can no longer change:
   * new rows have a tick of at least {@code latestTick} (a later message re-sends an agent that did not tick with
   * the same tick), so a page whose rows all lie below it and that cannot take more rows is final.
   */
  static boolean complete(List<AgentBeliefView> page, long toTick, int limit, long latestTick) {
    if (toTick < latestTick) {
      return true;
    }
    return page.size() == limit && page.get(page.size() - 1).tick() < latestTick;
  }

  private static void checkAgent(int agent) {
    if (agent < 0) {
      throw new IllegalArgumentException("agent must be >= 0 but was " + agent);
    }
  }

  /** One page of one agent's history. */
  record HistoryKey(DeviceRef device, int agent, long fromTick, long toTick, int limit) {
    String formatted() {
      return device.formatted() + "/" + agent + "/" + fromTick + "/" + toTick + "/" + limit;
    }
  }
}
