package io.freeagentics.edge;

import java.util.List;

/**
 * Everything one tick writes, committed in one transaction by {@link EdgeStateStore#commitTick}: the tick number,
 * the agents that updated (their checkpoints and history entries) and the messages to spool.
 */
public record EdgeTickCommit(long tick, List<EdgeAgentUpdate> updates, List<EdgeOutgoing> outgoing) {

  public EdgeTickCommit {
    if (tick < 0) {
      throw new IllegalArgumentException("tick must not be negative but was " + tick);
    }
    if (updates == null || outgoing == null) {
      throw new IllegalArgumentException("updates and outgoing must not be null (tick " + tick + ")");
    }
    updates = List.copyOf(updates);
    outgoing = List.copyOf(outgoing);
  }
}
