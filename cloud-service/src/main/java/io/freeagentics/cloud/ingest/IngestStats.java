package io.freeagentics.cloud.ingest;

import io.freeagentics.cloud.ingest.internal.LatencyHistogram;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The ingest's counters (what came in, what was stored, what was dropped and why) and the end-to-end latency from
 * the edge tick to the commit in the cloud. Thread-safe; read with {@link #snapshot()}. The {@code /ingest}
 * management endpoint and the Micrometer gauges ({@code fa.ingest.*}) show the same numbers.
 */
@Singleton
public class IngestStats {
  final AtomicLong received = new AtomicLong();
  final AtomicLong persisted = new AtomicLong();
  final AtomicLong agentUpdates = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong deltasWithoutBase = new AtomicLong();
  final AtomicLong decodeErrors = new AtomicLong();
  final AtomicLong reports = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong reportRetries = new AtomicLong();
  final AtomicLong writeRetries = new AtomicLong();
  final AtomicLong acksPublished = new AtomicLong();
  final AtomicLong acksDropped = new AtomicLong();
  private final LatencyHistogram latency = new LatencyHistogram();
  private volatile LongSupplier queueDepth = () -> 0;

  public void received() {
    received.incrementAndGet();
  }

  /** A batch of {@code messages} beliefs messages carrying {@code agentRows} agent rows was committed. */
  public void persisted(int messages, int agentRows) {
    persisted.addAndGet(messages);
    agentUpdates.addAndGet(agentRows);
  }

  public void duplicate() {
    duplicates.incrementAndGet();
  }

  public void deltaWithoutBase() {
    deltasWithoutBase.incrementAndGet();
  }

  public void decodeError() {
    decodeErrors.incrementAndGet();
  }

  public void report() {
    reports.incrementAndGet();
  }

  public void event() {
    events.incrementAndGet();
  }

  public void reportRetry() {
    reportRetries.incrementAndGet();
  }

  public void writeRetry() {
    writeRetries.incrementAndGet();
  }

  public void ackPublished() {
    acksPublished.incrementAndGet();
  }

  public void ackDropped() {
    acksDropped.incrementAndGet();
  }

  /** One persisted beliefs message took {@code millis} from its edge tick to the commit. */
  public void latency(long millis) {
    latency.record(millis);
  }

  /** Where {@link IngestStatsSnapshot#queued()} comes from (the ingest's queue). */
  public void queueDepth(LongSupplier supplier) {
    queueDepth = supplier;
  }

  public IngestStatsSnapshot snapshot() {
    return new IngestStatsSnapshot(received.get(), persisted.get(), agentUpdates.get(), duplicates.get(),
        deltasWithoutBase.get(), decodeErrors.get(), reports.get(), events.get(), reportRetries.get(),
        writeRetries.get(), acksPublished.get(), acksDropped.get(), queueDepth.getAsLong(), latency.quantile(0.5),
        latency.quantile(0.99), latency.max());
  }
}
