package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.BeliefsListener;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.ingest.IngestStats;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ingest, started with the application: {@code fa.ingest.clients} MQTT connections in the shared group,
 * each feeding the bounded queue of one of {@code fa.ingest.writers} writer threads, and the acknowledgement
 * publisher. The writers share the deduplication window and the delta bases; two writers storing the same
 * message is settled by the primary key, as between instances. Disabled with
 * {@code fa.ingest.enabled=false} (or {@code fa.mqtt.enabled=false}).
 */
@Context
@Requires(property = "fa.ingest.enabled", notEquals = "false")
@Requires(property = "fa.mqtt.enabled", notEquals = "false")
public class MqttIngest {
  private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

  private final List<IngestConsumer> consumers = new ArrayList<>();
  private final AckPublisher acks;
  private final List<BatchWriter> writers = new ArrayList<>();

  public MqttIngest(MqttSettings mqtt, IngestSettings settings, @Named("default") DataSource dataSource,
      DeviceReports reports, MqttPublisher publisher, IngestStats stats, List<BeliefsListener> listeners)
      throws MqttException {
    this.acks = new AckPublisher(publisher, stats, settings.ackQueue());
    DedupeWindow dedupe = new DedupeWindow(settings.dedupeWindow(), settings.dedupeDevices());
    BaseCache bases = new BaseCache(settings.basesPerDevice(), settings.baseCacheBytes());
    List<BlockingQueue<Inbound>> queues = new ArrayList<>();
    for (int w = 0; w < settings.writers(); w++) {
      BlockingQueue<Inbound> queue = new ArrayBlockingQueue<>(settings.queueCapacity());
      queues.add(queue);
      IngestPipeline pipeline = new IngestPipeline(unwrap(dataSource), reports, acks, stats, dedupe, bases,
          listeners, System::currentTimeMillis);
      BatchWriter writer = new BatchWriter(queue, pipeline, settings.maxBatch(), "fa-ingest-writer-" + w);
      writers.add(writer);
      writer.start();
    }
    stats.queueDepth(() -> queues.stream().mapToLong(BlockingQueue::size).sum());
    for (int i = 0; i < settings.clients(); i++) {
      IngestConsumer consumer = new IngestConsumer(mqtt, settings.clientId() + "-" + i, settings.fleet(),
          queues.get(i % queues.size()), stats);
      consumers.add(consumer);
      consumer.start();
    }
    LOG.info("ingest started: {} clients {}-0..{} in shared group '{}' on {}", settings.clients(),
        settings.clientId(), settings.clients() - 1, mqtt.sharedGroup(), mqtt.uri());
  }

  /**
   * The data source without Micronaut's contextual-connection wrapper: the writer thread manages its own
   * connection and transaction.
   */
  static DataSource unwrap(DataSource dataSource) {
    DataSource current = dataSource;
    while (current instanceof DelegatingDataSource delegating) {
      current = delegating.getTargetDataSource();
    }
    return current;
  }

  /** Waits until every client is subscribed; false when the time ran out. */
  public boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    for (IngestConsumer consumer : consumers) {
      if (!consumer.awaitSubscribed(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return true;
  }

  /** Stops taking messages, lets the writer finish its batch, and disconnects (sessions stay with the broker). */
  @PreDestroy
  public void close() {
    for (IngestConsumer consumer : consumers) {
      consumer.close();
    }
    writers.forEach(BatchWriter::close);
    acks.close();
  }
}
