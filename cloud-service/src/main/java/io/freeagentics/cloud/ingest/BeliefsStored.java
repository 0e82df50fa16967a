package io.freeagentics.cloud.ingest;

import io.freeagentics.wire.BeliefSet;
import java.util.List;

/**
 * A beliefs message the ingest committed to the database (and acknowledged): the device's whole belief set after
 * it, and which agents the message carried (all for a snapshot, the changed ones for a delta).
 */
public record BeliefsStored(String fleet, String device, long sequence, long edgeMillis, BeliefSet state,
    List<Integer> carriedAgents) {

  public BeliefsStored {
    carriedAgents = List.copyOf(carriedAgents);
  }
}
