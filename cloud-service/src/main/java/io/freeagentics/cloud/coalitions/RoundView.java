package io.freeagentics.cloud.coalitions;

import io.freeagentics.coalitions.RoundStats;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What a coalition round did (POST .../coalitions/round).
 *
 * @param incremental false for a full formation, true for a repair around the changed agents
 * @param agents agents in the round
 * @param changedAgents agents put or removed since the previous round (all for a full formation)
 * @param freedAgents agents whose coalition was re-examined
 * @param merges merges performed
 * @param coalitionCount coalitions of two or more agents after the round
 * @param singletons agents alone after the round
 * @param totalValue the structure's value
 * @param skippedAgents mirrored agents of placed devices left out (see docs/coalitions.md)
 * @param formationMillis wall time of the formation
 * @param roundMillis wall time of the whole round (what {@code fa.coalitions.round} records)
 */
@Serdeable
public record RoundView(String fleet, Instant formedAt, boolean incremental, int agents, int changedAgents,
    int freedAgents, int merges, int coalitionCount, int singletons, double totalValue, int skippedAgents,
    double formationMillis, double roundMillis) {

  static RoundView of(FleetCoalitions r) {
    RoundStats s = r.stats();
    return new RoundView(r.fleet(), r.formedAt(), s.incremental(), s.agents(), s.changedAgents(), s.freedAgents(),
        s.merges(), r.structure().coalitionCount(), r.structure().singletonCount(), r.structure().totalValue(),
        r.skippedAgents(), s.millis(), r.roundNanos() / 1e6);
  }
}
