package io.freeagentics.edge;

import java.util.List;

/**
 * Everything one tick writes, committed in one transaction by {@link EdgeStateStore#commitTick}: the tick number,
 * the agents that updated (their checkpoints and history entries), the messages to spool, sync state entries
 * ({@link EdgeStateWrite}), command records ({@link EdgeCommandRecord}), and whether every stored checkpoint and
 * history entry is first cleared ({@code resetAgents}: the model's state space changed, old checkpoints no longer
 * fit it).
 */
public record EdgeTickCommit(long tick, List<EdgeAgentUpdate> updates, List<EdgeOutgoing> outgoing,
    List<EdgeStateWrite> stateWrites, List<EdgeCommandRecord> commands, boolean resetAgents) {

  public EdgeTickCommit {
    if (tick < 0) {
      throw new IllegalArgumentException("tick must not be negative but was " + tick);
    }
    if (updates == null || outgoing == null || stateWrites == null || commands == null) {
      throw new IllegalArgumentException("updates, outgoing, stateWrites and commands must not be null (tick "
          + tick + ")");
    }
    updates = List.copyOf(updates);
    outgoing = List.copyOf(outgoing);
    stateWrites = List.copyOf(stateWrites);
    commands = List.copyOf(commands);
  }

  /** A tick of checkpoints, history and messages only. */
  public EdgeTickCommit(long tick, List<EdgeAgentUpdate> updates, List<EdgeOutgoing> outgoing) {
    this(tick, updates, outgoing, List.of(), List.of(), false);
  }
}
