package io.freeagentics.cloud.ingest;

/**
 * The ingest's counters at one moment (since the service started), as the demo and the {@code /ingest} management
 * endpoint report them.
 *
 * @param received MQTT messages taken from the broker (every kind, duplicates and bad frames included)
 * @param persisted beliefs messages written to the database (committed)
 * @param agentUpdatesPersisted agent belief rows written (one per agent a persisted message carried)
 * @param duplicatesDropped messages dropped because their (fleet, device, sequence) was already stored
 * @param deltasWithoutBase belief deltas whose base the cloud has neither in memory nor in the database
 * @param decodeErrors frames that are not valid wire messages (or whose header names another device)
 * @param reports telemetry, presence and command-ack messages handed to the device registry
 * @param events {@code events} records received
 * @param reportRetries hand-overs to the device registry that failed and were retried
 * @param writeRetries database batches that failed and were retried
 * @param acksPublished acknowledgements published to devices
 * @param acksDropped acknowledgements not published (broker unreachable, ack queue full)
 * @param queued messages received but not yet written or handed over
 * @param latencyP50Millis median of edge tick (header timestampMillis) to committed, persisted beliefs messages
 * @param latencyP99Millis 99th percentile of the same
 * @param latencyMaxMillis largest of the same
 */
@io.micronaut.serde.annotation.Serdeable
public record IngestStatsSnapshot(long received, long persisted, long agentUpdatesPersisted, long duplicatesDropped,
    long deltasWithoutBase, long decodeErrors, long reports, long events, long reportRetries, long writeRetries,
    long acksPublished, long acksDropped, long queued, long latencyP50Millis, long latencyP99Millis,
    long latencyMaxMillis) {
}
