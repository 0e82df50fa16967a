package io.freeagentics.cloud.ingest.internal;

/**
 * The ingest's own settings ({@code fa.ingest.*}; docs/cloud-ingest.md).
 *
 * @param clientId prefix of the ingest clients' ids; must be stable across restarts of this instance (the
 *     broker keeps the session, and the unacknowledged messages, under it) and unique among instances
 * @param clients MQTT connections of this instance in the shared group (each has the broker's in-flight window)
 * @param queueCapacity messages received and not yet written
 * @param maxBatch messages per database transaction at most
 * @param dedupeWindow recent sequences remembered per device
 * @param dedupeDevices devices remembered by the deduplication window
 * @param basesPerDevice acknowledged states kept in memory per device (delta bases)
 * @param baseCacheBytes memory for those states
 * @param ackQueue acknowledgements waiting to be published
 * @param fleet the fleet whose devices this ingest serves, or {@code +} for every fleet
 * @param writers writer threads (each with its own queue, fed by {@code clients / writers} connections, and its own
 *     database connection)
 */
public record IngestSettings(String clientId, int clients, int queueCapacity, int maxBatch, int dedupeWindow,
    long dedupeDevices, int basesPerDevice, long baseCacheBytes, int ackQueue, String fleet, int writers) {

  public IngestSettings {
    if (clientId == null || clientId.isEmpty() || clientId.length() > 60) {
      throw new IllegalArgumentException("fa.ingest.client-id must have 1 to 60 characters but was '" + clientId
          + "'");
    }
    if (clients < 1 || clients > 64) {
      throw new IllegalArgumentException("fa.ingest.clients must be 1..64 but was " + clients);
    }
    if (writers < 1 || writers > clients) {
      throw new IllegalArgumentException("fa.ingest.writers must be 1..fa.ingest.clients (" + clients + ") but was "
          + writers);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("fa.ingest.queue-capacity must be positive but was " + queueCapacity);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("fa.ingest.max-batch must be positive but was " + maxBatch);
    }
    if (!"+".equals(fleet) && io.freeagentics.wire.MessageHeader.deviceIdProblem(fleet) != null) {
      throw new IllegalArgumentException("fa.ingest.fleet must be + (every fleet) or a fleet id but was '" + fleet
          + "': " + io.freeagentics.wire.MessageHeader.deviceIdProblem(fleet));
    }
    if (ackQueue < 1) {
      throw new IllegalArgumentException("fa.ingest.ack-queue must be positive but was " + ackQueue);
    }
  }
}
