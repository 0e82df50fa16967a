package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.ingest.IngestStatsSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;

/**
 * The ingest's counters as Micrometer meters ({@code fa.ingest.received}, {@code fa.ingest.persisted},
 * {@code fa.ingest.agent.updates}, {@code fa.ingest.duplicates}, {@code fa.ingest.deltas.without.base},
 * {@code fa.ingest.decode.errors}, ..., gauges {@code fa.ingest.queued} and {@code fa.ingest.latency.p50/p99} in
 * milliseconds), exported on {@code /prometheus}.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
public class IngestMetrics implements MeterBinder {
  private final IngestStats stats;

  public IngestMetrics(IngestStats stats) {
    this.stats = stats;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "fa.ingest.received", "MQTT messages received", IngestStatsSnapshot::received);
    counter(registry, "fa.ingest.persisted", "beliefs messages committed", IngestStatsSnapshot::persisted);
    counter(registry, "fa.ingest.agent.updates", "agent belief rows committed",
        IngestStatsSnapshot::agentUpdatesPersisted);
    counter(registry, "fa.ingest.duplicates", "messages dropped as duplicates", IngestStatsSnapshot::duplicatesDropped);
    counter(registry, "fa.ingest.deltas.without.base", "belief deltas whose base is unknown",
        IngestStatsSnapshot::deltasWithoutBase);
    counter(registry, "fa.ingest.decode.errors", "frames that are not valid messages", IngestStatsSnapshot::decodeErrors);
    counter(registry, "fa.ingest.reports", "reports handed to the device registry", IngestStatsSnapshot::reports);
    counter(registry, "fa.ingest.write.retries", "failed database batches retried", IngestStatsSnapshot::writeRetries);
    counter(registry, "fa.ingest.acks.published", "acknowledgements published", IngestStatsSnapshot::acksPublished);
    counter(registry, "fa.ingest.acks.dropped", "acknowledgements dropped", IngestStatsSnapshot::acksDropped);
    gauge(registry, "fa.ingest.queued", "messages received and not yet written", IngestStatsSnapshot::queued);
    gauge(registry, "fa.ingest.latency.p50", "median edge tick to commit, ms", IngestStatsSnapshot::latencyP50Millis);
    gauge(registry, "fa.ingest.latency.p99", "99th percentile edge tick to commit, ms",
        IngestStatsSnapshot::latencyP99Millis);
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<IngestStatsSnapshot> value) {
    FunctionCounter.builder(name, stats, s -> value.applyAsDouble(s.snapshot())).description(description)
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<IngestStatsSnapshot> value) {
    Gauge.builder(name, stats, s -> value.applyAsDouble(s.snapshot())).description(description).register(registry);
  }
}
