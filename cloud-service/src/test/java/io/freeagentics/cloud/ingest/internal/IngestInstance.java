package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.BeliefsListener;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.ingest.IngestStats;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** One cloud ingest as the service runs it (consumers, writer, ack publisher), without the Micronaut context. */
final class IngestInstance implements AutoCloseable {
  final IngestStats stats = new IngestStats();
  final MqttIngest ingest;
  final MqttPublisher publisher;

  IngestInstance(String uri, String group, String fleet, String clientId, int clients, DataSource dataSource,
      DeviceReports reports, List<BeliefsListener> listeners) throws Exception {
    MqttSettings mqtt = new MqttSettings(uri, null, null, group, 1000, 10);
    IngestSettings settings = new IngestSettings(clientId, clients, 10_000, 1000, 64, 100_000, 4, 64L << 20,
        100_000, fleet, Math.min(2, clients));
    publisher = new MqttPublisher(mqtt, clientId + "-out");
    ingest = new MqttIngest(mqtt, settings, dataSource, reports, publisher, stats, listeners);
    if (!ingest.awaitSubscribed(30, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("ingest " + clientId + " did not subscribe within 30 s");
    }
  }

  @Override
  public void close() {
    ingest.close();
    publisher.close();
  }
}
