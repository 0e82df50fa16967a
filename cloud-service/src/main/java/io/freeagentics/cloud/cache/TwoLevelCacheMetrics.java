package io.freeagentics.cloud.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/** Publishes a cache's counters to Micrometer (tag {@code cache=NAME}). */
final class TwoLevelCacheMetrics {

  private TwoLevelCacheMetrics() {}

  static void bind(TwoLevelCache<?, ?> cache, MeterRegistry registry) {
    Tags tags = Tags.of("cache", cache.name());
    counter(registry, "fa.cache.gets", tags.and("result", "l1"), cache, c -> c.stats().l1Hits(),
        "reads answered by the in-JVM cache");
    counter(registry, "fa.cache.gets", tags.and("result", "l2"), cache, c -> c.stats().l2Hits(),
        "reads answered by Redis");
    counter(registry, "fa.cache.gets", tags.and("result", "load"), cache, c -> c.stats().loads(),
        "reads that ran the loader");
    counter(registry, "fa.cache.l2.errors", tags, cache, c -> c.stats().l2Errors(),
        "Redis operations that failed (the cache went on without Redis)");
    counter(registry, "fa.cache.invalidations", tags.and("direction", "sent"), cache,
        c -> c.stats().invalidationsSent(), "invalidations sent to other instances");
    counter(registry, "fa.cache.invalidations", tags.and("direction", "received"), cache,
        c -> c.stats().invalidationsReceived(), "invalidations received from other instances");
    Gauge.builder("fa.cache.l2.available", cache, c -> c.stats().l2Available() ? 1 : 0).tags(tags)
        .description("1 when Redis is in use, 0 when the cache runs on L1 and its loader").register(registry);
    Gauge.builder("fa.cache.l1.size", cache, c -> c.stats().l1Size()).tags(tags)
        .description("entries in the in-JVM cache").register(registry);
  }

  private static void counter(MeterRegistry registry, String name, Tags tags, TwoLevelCache<?, ?> cache,
                              ToDoubleFunction<TwoLevelCache<?, ?>> value, String description) {
    FunctionCounter.builder(name, cache, value).tags(tags).description(description).register(registry);
  }
}
