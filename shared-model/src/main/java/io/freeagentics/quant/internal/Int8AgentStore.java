package io.freeagentics.quant.internal;

import io.freeagentics.population.AgentHistory;
import io.freeagentics.quant.LogCodec;
import java.util.Arrays;

/**
 * Every agent's state in bytes, agent-major so that one agent's step touches one short stretch of memory:
 * <pre>
 *   state[agent * stride + ...]:
 *     [0, marginalLength)                 belief codes, factor after factor (LogCodec, relative to the max)
 *     [policyBase, + policyCount)         policy posterior codes of the last step
 *     [controlBase, + controlLength)      action probability codes of the last step, factor after factor
 *     [actionBase, + factors)             previous action per factor, 0xFF = none
 *     [flagBase]                          1 when the policy results belong to the current beliefs
 *   steps[agent]                          belief updates since creation (the random-number counter)
 * </pre>
 * and, when a history is kept, ring buffers of {@code historyLength} entries per agent: observations (short, -1 =
 * empty slot), actions (byte, 0xFF = none) and free energies (float), with the next slot per agent.
 */
final class Int8AgentStore {
  static final int NO_ACTION_CODE = 0xFF;

  final Int8Tables tables;
  final int agents;
  final int stride;
  final int policyBase;
  final int controlBase;
  final int actionBase;
  final int flagBase;
  final int historyLength;
  final byte[] state;
  final int[] steps;
  private final short[] historyObservations;
  private final byte[] historyActions;
  private final float[] historyVfe;
  private final int[] historyNext;
  private final byte[] initialCodes;

  Int8AgentStore(Int8Tables tables, int agents, int historyLength) {
    this.tables = tables;
    this.agents = agents;
    this.historyLength = historyLength;
    policyBase = tables.marginalLength;
    controlBase = policyBase + tables.policyCount;
    actionBase = controlBase + tables.controlLength;
    flagBase = actionBase + tables.factors;
    stride = flagBase + 1;
    state = new byte[arrayLength("state", (long) agents * stride)];
    steps = new int[agents];
    historyObservations = new short[arrayLength("history", (long) agents * historyLength * tables.modalities)];
    historyActions = new byte[arrayLength("history", (long) agents * historyLength * tables.factors)];
    historyVfe = new float[arrayLength("history", (long) agents * historyLength)];
    historyNext = new int[historyLength > 0 ? agents : 0];
    initialCodes = new byte[tables.marginalLength];
    for (int f = 0; f < tables.factors; f++) {
      LogCodec.encodeDistribution(tables.initialBeliefs, tables.stateOffset[f], tables.numStates[f], initialCodes,
          tables.stateOffset[f]);
    }
    for (int agent = 0; agent < agents; agent++) {
      clear(agent);
    }
  }

  private static int arrayLength(String what, long length) {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("population too large: " + what + " would need " + length
          + " entries, more than one Java array holds; use fewer agents or a shorter history");
    }
    return (int) length;
  }

  /** Bytes of the per-agent arrays without the history. */
  long stateBytes() {
    return state.length + 4L * steps.length;
  }

  /** Bytes of the history ring buffers. */
  long historyBytes() {
    return 2L * historyObservations.length + historyActions.length + 4L * historyVfe.length
        + 4L * historyNext.length;
  }

  int previousAction(int agent, int factor) {
    int code = state[agent * stride + actionBase + factor] & 0xFF;
    return code == NO_ACTION_CODE ? -1 : code;
  }

  boolean hasPolicyResults(int agent) {
    return state[agent * stride + flagBase] != 0;
  }

  /** Records a belief update: history entry (actions none yet), step counter, policy results flag. */
  void recordUpdate(int agent, int[] observations, int observationBase, float vfe, boolean stepped) {
    if (historyLength > 0) {
      int slot = historyNext[agent];
      int entry = agent * historyLength + slot;
      for (int m = 0; m < tables.modalities; m++) {
        historyObservations[entry * tables.modalities + m] = (short) observations[observationBase + m];
      }
      Arrays.fill(historyActions, entry * tables.factors, (entry + 1) * tables.factors, (byte) NO_ACTION_CODE);
      historyVfe[entry] = vfe;
      historyNext[agent] = slot + 1 == historyLength ? 0 : slot + 1;
    }
    steps[agent]++;
    state[agent * stride + flagBase] = (byte) (stepped ? 1 : 0);
  }

  /** Sets the previous action and records it in the agent's latest history entry, if it has one. */
  void setPreviousAction(int agent, int[] action, int actionOffset) {
    int base = agent * stride + actionBase;
    for (int f = 0; f < tables.factors; f++) {
      state[base + f] = (byte) action[actionOffset + f];
    }
    if (historyLength > 0) {
      int next = historyNext[agent];
      int entry = agent * historyLength + (next == 0 ? historyLength : next) - 1;
      if (historyObservations[entry * tables.modalities] >= 0) {
        for (int f = 0; f < tables.factors; f++) {
          historyActions[entry * tables.factors + f] = (byte) action[actionOffset + f];
        }
      }
    }
  }

  /** Initial beliefs D, no previous action, no policy results, empty history; the step counter keeps counting. */
  void clear(int agent) {
    int base = agent * stride;
    System.arraycopy(initialCodes, 0, state, base, tables.marginalLength);
    Arrays.fill(state, base + policyBase, base + flagBase, (byte) 0);
    Arrays.fill(state, base + actionBase, base + flagBase, (byte) NO_ACTION_CODE);
    state[base + flagBase] = 0;
    clearHistory(agent);
  }

  /**
   * Sets the agent's state from a checkpoint: {@code marginals[f]} per factor (validated by the caller; encoded
   * relative to their largest entry, as the engine encodes its own beliefs), {@code action[f]} (all -1 = none) and
   * the step counter; no policy results, empty history.
   */
  void restore(int agent, float[][] marginals, int[] action, int stepCount) {
    int base = agent * stride;
    for (int f = 0; f < tables.factors; f++) {
      LogCodec.encodeDistribution(marginals[f], 0, tables.numStates[f], state, base + tables.stateOffset[f]);
    }
    Arrays.fill(state, base + policyBase, base + actionBase, (byte) 0);
    for (int f = 0; f < tables.factors; f++) {
      state[base + actionBase + f] = (byte) (action[f] < 0 ? NO_ACTION_CODE : action[f]);
    }
    state[base + flagBase] = 0;
    steps[agent] = stepCount;
    clearHistory(agent);
  }

  private void clearHistory(int agent) {
    if (historyLength > 0) {
      int first = agent * historyLength;
      Arrays.fill(historyObservations, first * tables.modalities, (first + historyLength) * tables.modalities,
          (short) -1);
      Arrays.fill(historyActions, first * tables.factors, (first + historyLength) * tables.factors,
          (byte) NO_ACTION_CODE);
      Arrays.fill(historyVfe, first, first + historyLength, 0.0f);
      historyNext[agent] = 0;
    }
  }

  /** De-quantized distribution of {@code length} codes at {@code offset} inside the agent's record. */
  void decode(int agent, int offset, int length, float[] out) {
    LogCodec.decodeDistribution(state, agent * stride + offset, length, out, 0);
  }

  AgentHistory history(int agent) {
    int modalities = tables.modalities;
    int factors = tables.factors;
    int[][] observations = new int[historyLength][];
    int[][] actions = new int[historyLength][];
    float[] vfe = new float[historyLength];
    int count = 0;
    for (int k = 0, slot = historyLength > 0 ? historyNext[agent] : 0; k < historyLength; k++) {
      int entry = agent * historyLength + slot;
      if (historyObservations[entry * modalities] >= 0) {
        int[] obs = new int[modalities];
        for (int m = 0; m < modalities; m++) {
          obs[m] = historyObservations[entry * modalities + m];
        }
        int[] act = new int[factors];
        for (int f = 0; f < factors; f++) {
          int code = historyActions[entry * factors + f] & 0xFF;
          act[f] = code == NO_ACTION_CODE ? -1 : code;
        }
        observations[count] = obs;
        actions[count] = act;
        vfe[count] = historyVfe[entry];
        count++;
      }
      slot = slot + 1 == historyLength ? 0 : slot + 1;
    }
    return new AgentHistory(Arrays.copyOf(observations, count), Arrays.copyOf(actions, count),
        Arrays.copyOf(vfe, count));
  }
}
