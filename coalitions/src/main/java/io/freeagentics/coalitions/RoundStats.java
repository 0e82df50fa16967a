package io.freeagentics.coalitions;

/**
 * What one formation round did, e.g. for a Prometheus timer around rounds.
 *
 * @param incremental true for {@link CoalitionFormation#repair()}, false for a full formation
 * @param agents agents in the formation after the round
 * @param changedAgents agents put or removed since the previous round (all agents for a full formation)
 * @param freedAgents agents whose coalition was re-examined: all agents for a full formation; for an incremental
 *     round the changed agents plus the members of the coalitions they left
 * @param merges merges performed
 * @param nanos wall time of the round, including the update of the spatial index and the pair graph
 */
public record RoundStats(boolean incremental, int agents, int changedAgents, int freedAgents, int merges,
    long nanos) {
  public double millis() {
    return nanos / 1e6;
  }
}
