package io.freeagentics.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A belief batch relative to an acknowledged snapshot (the message with sequence {@code baseSequence} from the same
 * device, as the receiver reconstructed it): only agents whose beliefs changed, and of those only the entries that
 * changed. Agents of the base that are not listed keep their beliefs and tick.
 *
 * @param changes in strictly increasing agent id order, each with one change per factor of {@code numStates}
 */
public record BeliefDelta(MessageHeader header, long baseSequence, List<Integer> numStates,
    List<AgentBeliefChange> changes) implements WireMessage {

  public BeliefDelta {
    if (header == null) {
      throw new IllegalArgumentException("header must not be null");
    }
    if (baseSequence < 0) {
      throw new IllegalArgumentException("baseSequence must not be negative but was " + baseSequence);
    }
    numStates = BeliefSet.checkNumStates(numStates);
    if (changes == null || changes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("changes must not be null nor hold null");
    }
    changes = List.copyOf(changes);
    int previous = -1;
    for (AgentBeliefChange change : changes) {
      if (change.agentId() <= previous) {
        throw new IllegalArgumentException("changes must be in strictly increasing agent order but "
            + change.agentId() + " follows " + previous);
      }
      previous = change.agentId();
      if (change.factors().size() != numStates.size()) {
        throw new IllegalArgumentException("agent " + change.agentId() + " has " + change.factors().size()
            + " factor changes but the batch has " + numStates.size() + " factors");
      }
      for (int f = 0; f < numStates.size(); f++) {
        if (change.factors().get(f).extent() > numStates.get(f)) {
          throw new IllegalArgumentException("agent " + change.agentId() + " changes state "
              + (change.factors().get(f).extent() - 1) + " of factor " + f + ", which has " + numStates.get(f));
        }
      }
    }
  }

  @Override
  public MessageType type() {
    return MessageType.BELIEF_DELTA;
  }

  /**
   * The beliefs this delta describes: {@code base} with every listed agent's entries and tick replaced.
   *
   * @param baseSequence the sequence of the message {@code base} came from
   * @throws BeliefDeltaException when the base is another sequence or has other factor sizes, an agent new to the
   *     base does not replace all its entries, or a changed distribution no longer has a largest entry (code 0)
   */
  public BeliefSet applyTo(long baseSequence, BeliefSet base) throws BeliefDeltaException {
    if (baseSequence != this.baseSequence) {
      throw new BeliefDeltaException("delta " + header.sequence() + " of device " + header.deviceId()
          + " is relative to sequence " + this.baseSequence + " but the base given is " + baseSequence);
    }
    if (!base.numStates().equals(numStates)) {
      throw new BeliefDeltaException("delta factor sizes " + numStates + " differ from the base's "
          + base.numStates());
    }
    List<AgentBeliefs> result = new ArrayList<>(base.agents().size() + changes.size());
    int next = 0;
    for (AgentBeliefs agent : base.agents()) {
      while (next < changes.size() && changes.get(next).agentId() < agent.agentId()) {
        result.add(apply(changes.get(next++), null));
      }
      if (next < changes.size() && changes.get(next).agentId() == agent.agentId()) {
        result.add(apply(changes.get(next++), agent));
      } else {
        result.add(agent);
      }
    }
    while (next < changes.size()) {
      result.add(apply(changes.get(next++), null));
    }
    return new BeliefSet(numStates, result);
  }

  private AgentBeliefs apply(AgentBeliefChange change, AgentBeliefs base) throws BeliefDeltaException {
    List<BeliefCodes> factors = new ArrayList<>(numStates.size());
    for (int f = 0; f < numStates.size(); f++) {
      CodeChanges changes = change.factors().get(f);
      int size = numStates.get(f);
      if (base == null && changes.count() != size) {
        throw new BeliefDeltaException("agent " + change.agentId() + " is not in base snapshot " + baseSequence
            + " but its delta replaces " + changes.count() + " of the " + size + " entries of factor " + f);
      }
      byte[] codes = base == null ? new byte[size] : base.factors().get(f).codes();
      for (int i = 0; i < changes.count(); i++) {
        codes[changes.index(i)] = (byte) changes.code(i);
      }
      String problem = BeliefCodes.problemOf(codes, size);
      if (problem != null) {
        throw new BeliefDeltaException("agent " + change.agentId() + " factor " + f + " after the delta: codes "
            + problem);
      }
      factors.add(BeliefCodes.ofCodes(codes));
    }
    return new AgentBeliefs(change.agentId(), change.tick(), factors);
  }
}
