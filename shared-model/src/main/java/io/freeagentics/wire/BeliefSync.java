package io.freeagentics.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Chooses how a device sends its agents' beliefs: a full snapshot, or a delta against the beliefs the cloud
 * acknowledged last, whichever frame is smaller.
 *
 * <p>A delta carries an entry when its code differs from the base's by more than {@code thresholdCodes} steps, or
 * when its new code is 0 (the distribution's largest entry, which must stay exact); an agent with no such entry
 * is left out (the cloud keeps its previous beliefs and tick). Every code the receiver reconstructs is therefore
 * within {@code thresholdCodes} of the current snapshot's code, and a threshold of 0 reproduces the snapshot
 * exactly. Errors do not accumulate as long as the base is what the cloud reconstructed
 * ({@link AcknowledgedBeliefs}).
 */
public final class BeliefSync {
  /**
   * Two code steps: about 6.5 % relative near the largest entry, about 35 % ten nats below it (where an entry
   * holds less than 5e-5 of the largest one's mass).
   */
  public static final int DEFAULT_THRESHOLD_CODES = 2;
  /** The largest threshold accepted. */
  public static final int MAX_THRESHOLD_CODES = 32;

  private BeliefSync() {}

  /**
   * The smaller of a snapshot of {@code current} and a delta against {@code base} (a snapshot on a tie, or when
   * there is no base or a delta cannot describe {@code current}).
   *
   * @throws IllegalArgumentException when an argument is null, the threshold is outside [0,
   *     {@value #MAX_THRESHOLD_CODES}], or the frame would be too large
   */
  public static EncodedBeliefs encode(MessageHeader header, BeliefSet current, Optional<AcknowledgedBeliefs> base,
      int thresholdCodes) {
    if (header == null || current == null || base == null) {
      throw new IllegalArgumentException("header, current and base must not be null");
    }
    checkThreshold(thresholdCodes);
    BeliefSnapshot snapshot = new BeliefSnapshot(header, current);
    byte[] snapshotFrame = WireCodec.encode(snapshot);
    if (base.isEmpty()) {
      return new EncodedBeliefs(snapshot, snapshotFrame);
    }
    Optional<List<AgentBeliefChange>> changes = changes(base.get().beliefs(), current, thresholdCodes);
    if (changes.isEmpty()) {
      return new EncodedBeliefs(snapshot, snapshotFrame);
    }
    BeliefDelta delta = new BeliefDelta(header, base.get().sequence(), current.numStates(), changes.get());
    byte[] deltaFrame = WireCodec.encode(delta);
    return deltaFrame.length < snapshotFrame.length
        ? new EncodedBeliefs(delta, deltaFrame)
        : new EncodedBeliefs(snapshot, snapshotFrame);
  }

  /**
   * The changes that turn {@code base} into {@code current} up to the threshold, or empty when no delta can:
   * the factor sizes differ or an agent of the base is missing from {@code current}.
   */
  public static Optional<List<AgentBeliefChange>> changes(BeliefSet base, BeliefSet current, int thresholdCodes) {
    if (base == null || current == null) {
      throw new IllegalArgumentException("base and current must not be null");
    }
    checkThreshold(thresholdCodes);
    if (!base.numStates().equals(current.numStates())) {
      return Optional.empty();
    }
    List<AgentBeliefChange> changes = new ArrayList<>();
    int matched = 0;
    for (AgentBeliefs agent : current.agents()) {
      AgentBeliefs previous = base.agent(agent.agentId());
      if (previous != null) {
        matched++;
      }
      AgentBeliefChange change = change(previous, agent, thresholdCodes);
      if (change != null) {
        changes.add(change);
      }
    }
    if (matched != base.agents().size()) {
      return Optional.empty();
    }
    return Optional.of(changes);
  }

  /** The change of one agent, or null when nothing changed beyond the threshold. */
  private static AgentBeliefChange change(AgentBeliefs previous, AgentBeliefs agent, int threshold) {
    List<CodeChanges> factors = new ArrayList<>(agent.factors().size());
    boolean any = false;
    for (int f = 0; f < agent.factors().size(); f++) {
      BeliefCodes now = agent.factors().get(f);
      int[] indices = new int[now.size()];
      byte[] codes = new byte[now.size()];
      int count = 0;
      for (int i = 0; i < now.size(); i++) {
        int code = now.code(i);
        if (previous == null || differs(previous.factors().get(f).code(i), code, threshold)) {
          indices[count] = i;
          codes[count++] = (byte) code;
        }
      }
      any |= count > 0;
      factors.add(count == 0 ? CodeChanges.none()
          : CodeChanges.of(Arrays.copyOf(indices, count), Arrays.copyOf(codes, count)));
    }
    return any ? new AgentBeliefChange(agent.agentId(), agent.tick(), factors) : null;
  }

  private static boolean differs(int before, int after, int threshold) {
    return before != after && (Math.abs(before - after) > threshold || after == 0);
  }

  private static void checkThreshold(int thresholdCodes) {
    if (thresholdCodes < 0 || thresholdCodes > MAX_THRESHOLD_CODES) {
      throw new IllegalArgumentException("thresholdCodes must be 0 to " + MAX_THRESHOLD_CODES + " but was "
          + thresholdCodes);
    }
  }
}
