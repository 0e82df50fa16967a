package io.freeagentics.wire.internal;

import io.freeagentics.wire.AgentBeliefChange;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.CodeChanges;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of belief snapshots and deltas.
 *
 * <pre>
 * snapshot: shape, varint N, N x (agent id, tick, F x snapshot row)
 * delta:    varint baseSequence, shape, varint N, N x (agent id, tick, F x change row)
 * shape:    byte F (1..16), F x varint S_f (1..65536)
 * agent id: first the id, then (id - previous id - 1): strictly increasing
 * tick:     zig-zag varint of (tick - previous agent's tick), the first relative to 0
 * </pre>
 */
public final class BeliefBodies {
  private BeliefBodies() {}

  public static void writeSnapshot(FrameWriter out, BeliefSnapshot message) {
    BeliefSet beliefs = message.beliefs();
    writeShape(out, beliefs.numStates());
    out.writeVarLong(beliefs.agents().size());
    int previousId = -1;
    long previousTick = 0;
    for (AgentBeliefs agent : beliefs.agents()) {
      writeAgent(out, agent.agentId(), previousId, agent.tick() - previousTick);
      previousId = agent.agentId();
      previousTick = agent.tick();
      for (BeliefCodes row : agent.factors()) {
        BeliefRows.writeSnapshotRow(out, row);
      }
    }
  }

  public static BeliefSnapshot readSnapshot(FrameReader in, MessageHeader header) throws WireFormatException {
    List<Integer> numStates = readShape(in);
    int entriesPerAgent = numStates.stream().mapToInt(Integer::intValue).sum();
    int count = readAgentCount(in, numStates.size(), BeliefRows.MIN_SNAPSHOT_ROW_BYTES,
        BeliefSet.MAX_ENTRIES / entriesPerAgent);
    List<AgentBeliefs> agents = new ArrayList<>(count);
    int previousId = -1;
    long previousTick = 0;
    for (int a = 0; a < count; a++) {
      String field = "agents[" + a + "]";
      int id = readAgentId(in, field, previousId);
      long tick = readTick(in, field, previousTick);
      List<BeliefCodes> factors = new ArrayList<>(numStates.size());
      for (int f = 0; f < numStates.size(); f++) {
        factors.add(BeliefRows.readSnapshotRow(in, field + ".factors[" + f + "]", numStates.get(f)));
      }
      agents.add(new AgentBeliefs(id, tick, factors));
      previousId = id;
      previousTick = tick;
    }
    return new BeliefSnapshot(header, new BeliefSet(numStates, agents));
  }

  public static void writeDelta(FrameWriter out, BeliefDelta message) {
    out.writeVarLong(message.baseSequence());
    writeShape(out, message.numStates());
    out.writeVarLong(message.changes().size());
    int previousId = -1;
    long previousTick = 0;
    for (AgentBeliefChange change : message.changes()) {
      writeAgent(out, change.agentId(), previousId, change.tick() - previousTick);
      previousId = change.agentId();
      previousTick = change.tick();
      for (int f = 0; f < message.numStates().size(); f++) {
        BeliefRows.writeChangeRow(out, change.factors().get(f), message.numStates().get(f));
      }
    }
  }

  public static BeliefDelta readDelta(FrameReader in, MessageHeader header) throws WireFormatException {
    long baseSequence = in.readVarLong("baseSequence", 0, Long.MAX_VALUE);
    List<Integer> numStates = readShape(in);
    int count = readAgentCount(in, numStates.size(), BeliefRows.MIN_CHANGE_ROW_BYTES, Integer.MAX_VALUE);
    List<AgentBeliefChange> changes = new ArrayList<>(count);
    int previousId = -1;
    long previousTick = 0;
    for (int a = 0; a < count; a++) {
      String field = "changes[" + a + "]";
      int id = readAgentId(in, field, previousId);
      long tick = readTick(in, field, previousTick);
      List<CodeChanges> factors = new ArrayList<>(numStates.size());
      for (int f = 0; f < numStates.size(); f++) {
        factors.add(BeliefRows.readChangeRow(in, field + ".factors[" + f + "]", numStates.get(f)));
      }
      changes.add(new AgentBeliefChange(id, tick, factors));
      previousId = id;
      previousTick = tick;
    }
    return new BeliefDelta(header, baseSequence, numStates, changes);
  }

  private static void writeShape(FrameWriter out, List<Integer> numStates) {
    out.writeByte(numStates.size());
    for (int size : numStates) {
      out.writeVarLong(size);
    }
  }

  private static List<Integer> readShape(FrameReader in) throws WireFormatException {
    int start = in.position();
    int factors = in.readByte("factorCount");
    if (factors < 1 || factors > BeliefSet.MAX_FACTORS) {
      throw in.error("factorCount", start, "must be 1 to " + BeliefSet.MAX_FACTORS + " but is " + factors);
    }
    List<Integer> numStates = new ArrayList<>(factors);
    for (int f = 0; f < factors; f++) {
      numStates.add(in.readVarInt("numStates[" + f + "]", 1, BeliefCodes.MAX_STATES));
    }
    return numStates;
  }

  /** The agent count, bounded by the bytes left (id, tick and a least row per factor each) and {@code max}. */
  private static int readAgentCount(FrameReader in, int factors, int minRowBytes, int max)
      throws WireFormatException {
    return in.readCount("agentCount", max, 2 + factors * minRowBytes);
  }

  private static void writeAgent(FrameWriter out, int id, int previousId, long tickDelta) {
    out.writeVarLong(previousId < 0 ? id : id - previousId - 1);
    out.writeZigZag(tickDelta);
  }

  private static int readAgentId(FrameReader in, String field, int previousId) throws WireFormatException {
    if (previousId < 0) {
      return in.readVarInt(field + ".agentId", 0, Integer.MAX_VALUE);
    }
    if (previousId == Integer.MAX_VALUE) {
      throw in.error(field + ".agentId", in.position(), "no agent id can follow " + Integer.MAX_VALUE);
    }
    return previousId + 1 + in.readVarInt(field + ".agentIdGap", 0, Integer.MAX_VALUE - previousId - 1);
  }

  private static long readTick(FrameReader in, String field, long previousTick) throws WireFormatException {
    int start = in.position();
    long tick = previousTick + in.readZigZag(field + ".tickDelta");
    if (tick < 0) {
      throw in.error(field + ".tickDelta", start, "the tick would be " + Long.toUnsignedString(tick)
          + ", outside 0 to " + Long.MAX_VALUE);
    }
    return tick;
  }
}
