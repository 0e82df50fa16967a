package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.ingest.IngestStatsSnapshot;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;

/**
 * Management endpoint {@code GET /ingest}: the ingest's counters and latency ({@link IngestStatsSnapshot}), as the
 * demo reads them. Sensitive like every endpoint unless {@code endpoints.ingest.sensitive=false}.
 */
@Endpoint(id = "ingest")
public class IngestEndpoint {
  private final IngestStats stats;

  public IngestEndpoint(IngestStats stats) {
    this.stats = stats;
  }

  @Read
  public IngestStatsSnapshot stats() {
    return stats.snapshot();
  }
}
