package io.freeagentics.population.internal;

import io.freeagentics.population.AgentHistory;
import java.util.Arrays;

/**
 * Every agent's state as struct-of-arrays, one contiguous primitive array per quantity:
 * <ul>
 *   <li>float arrays in blocks of {@link #lanes} agents, state-major inside a block ({@code [block][i][lane]}):
 *       beliefs (the concatenated factor marginals), policy posteriors, action probabilities, so a whole block
 *       moves to and from a {@link WorkBlock} with one array copy;</li>
 *   <li>per agent: previous actions ({@code [agent][f]}, -1 = none), the number of belief updates since creation
 *       (the random-number counter; never reset), the next history slot, whether the policy results belong to the
 *       current beliefs;</li>
 *   <li>the history ring buffers, slot-major ({@code [slot][agent][m]}) so that agents stepping together write
 *       contiguous memory. A slot whose observation is -1 is empty.</li>
 * </ul>
 * Moving agents into and out of work blocks is this class's job; workers touch disjoint agents.
 */
final class AgentStore {
  private final CompiledModel model;
  final int agents;
  final int lanes;
  final int blocks;
  final int historyLength;
  private final int beliefBlock;
  private final int policyBlock;
  private final int controlBlock;

  private final float[] beliefs;
  private final float[] policyPosterior;
  private final float[] actionProbabilities;
  private final int[] previousAction;
  private final long[] steps;
  /** Per agent: the history slot the next entry goes to. */
  private final int[] historyNext;
  private final boolean[] policyResultsCurrent;
  private final int[] historyObservations;
  private final int[] historyActions;
  private final float[] historyVfe;

  AgentStore(CompiledModel model, int agents, int lanes, int historyLength) {
    this.model = model;
    this.agents = agents;
    this.lanes = lanes;
    this.blocks = (agents + lanes - 1) / lanes;
    this.historyLength = historyLength;
    this.beliefBlock = model.marginalLength * lanes;
    this.policyBlock = model.policyCount * lanes;
    this.controlBlock = model.controlLength * lanes;
    beliefs = new float[arrayLength("beliefs", (long) blocks * beliefBlock)];
    policyPosterior = new float[arrayLength("policyPosterior", (long) blocks * policyBlock)];
    actionProbabilities = new float[arrayLength("actionProbabilities", (long) blocks * controlBlock)];
    previousAction = new int[arrayLength("previousAction", (long) agents * model.factors)];
    steps = new long[agents];
    historyNext = new int[historyLength > 0 ? agents : 0];
    policyResultsCurrent = new boolean[agents];
    historyObservations = new int[arrayLength("historyObservations", (long) historyLength * agents * model.modalities)];
    historyActions = new int[arrayLength("historyActions", (long) historyLength * agents * model.factors)];
    historyVfe = new float[arrayLength("historyVfe", (long) historyLength * agents)];
    float[] initial = model.initialBeliefsFloat;
    for (int b = 0; b < blocks; b++) {
      for (int i = 0; i < model.marginalLength; i++) {
        Arrays.fill(beliefs, b * beliefBlock + i * lanes, b * beliefBlock + (i + 1) * lanes, initial[i]);
      }
    }
    Arrays.fill(previousAction, -1);
    Arrays.fill(historyObservations, -1);
    Arrays.fill(historyActions, -1);
  }

  private static int arrayLength(String what, long length) {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("population too large: " + what + " would need " + length
          + " entries, more than one Java array holds; use fewer agents or a shorter history");
    }
    return (int) length;
  }

  /** Bytes of all per-agent arrays. */
  long bytes() {
    return 4L * (beliefs.length + policyPosterior.length + actionProbabilities.length + previousAction.length
        + historyNext.length + historyObservations.length + historyActions.length + historyVfe.length)
        + 8L * steps.length + policyResultsCurrent.length;
  }

  private int beliefBase(int agent) {
    return (agent / lanes) * beliefBlock + agent % lanes;
  }

  /** Fills {@code block}'s per-lane inputs for the agents listed in it; unused lanes get harmless values. */
  void load(WorkBlock block, int[] observations) {
    int w = lanes;
    int modalities = model.modalities;
    int factors = model.factors;
    if (block.storageBlock >= 0) {
      System.arraycopy(beliefs, block.storageBlock * beliefBlock, block.beliefs, 0, beliefBlock);
    } else {
      float[] initial = model.initialBeliefsFloat;
      for (int l = 0; l < w; l++) {
        if (l < block.count) {
          int base = beliefBase(block.agent[l]);
          for (int i = 0; i < model.marginalLength; i++) {
            block.beliefs[i * w + l] = beliefs[base + i * w];
          }
        } else {
          for (int i = 0; i < model.marginalLength; i++) {
            block.beliefs[i * w + l] = initial[i];
          }
        }
      }
    }
    Arrays.fill(block.actionInUse, false);
    block.initialPriorInUse = false;
    for (int l = 0; l < w; l++) {
      boolean used = l < block.count;
      int agent = used ? block.agent[l] : 0;
      for (int m = 0; m < modalities; m++) {
        block.observation[m * w + l] = used ? observations[agent * modalities + m] : 0;
      }
      for (int f = 0; f < factors; f++) {
        block.previousAction[f * w + l] = used ? previousAction[agent * factors + f] : -1;
      }
      int first = block.previousAction[l];
      block.previousActionFloat[l] = first;
      if (first < 0) {
        block.initialPriorInUse = true;
      } else {
        block.actionInUse[first] = true;
      }
      block.steps[l] = used ? steps[agent] : 0;
    }
  }

  /**
   * Writes back the block's results: beliefs, history entries, step counters and, after a full step, policy
   * posteriors, action probabilities, the chosen actions (as previous actions and into {@code actionsOut}).
   */
  void store(WorkBlock block, boolean stepped, int[] actionsOut) {
    int w = lanes;
    if (block.storageBlock >= 0) {
      System.arraycopy(block.beliefs, 0, beliefs, block.storageBlock * beliefBlock, beliefBlock);
      if (stepped) {
        System.arraycopy(block.policyPosterior, 0, policyPosterior, block.storageBlock * policyBlock, policyBlock);
        System.arraycopy(block.actionProbabilities, 0, actionProbabilities, block.storageBlock * controlBlock,
            controlBlock);
      }
    } else {
      for (int l = 0; l < block.count; l++) {
        int agent = block.agent[l];
        scatter(block.beliefs, l, beliefs, (agent / w) * beliefBlock + agent % w, model.marginalLength);
        if (stepped) {
          scatter(block.policyPosterior, l, policyPosterior, (agent / w) * policyBlock + agent % w,
              model.policyCount);
          scatter(block.actionProbabilities, l, actionProbabilities, (agent / w) * controlBlock + agent % w,
              model.controlLength);
        }
      }
    }
    int factors = model.factors;
    int modalities = model.modalities;
    for (int l = 0; l < block.count; l++) {
      int agent = block.agent[l];
      if (historyLength > 0) {
        long entry = (long) historyNext[agent] * agents + agent;
        for (int m = 0; m < modalities; m++) {
          historyObservations[(int) (entry * modalities + m)] = block.observation[m * w + l];
        }
        for (int f = 0; f < factors; f++) {
          historyActions[(int) (entry * factors + f)] = stepped ? block.chosen[f * w + l] : -1;
        }
        historyVfe[(int) entry] = block.vfe[l];
        advanceHistory(agent);
      }
      steps[agent]++;
      policyResultsCurrent[agent] = stepped;
      if (stepped) {
        for (int f = 0; f < factors; f++) {
          int action = block.chosen[f * w + l];
          previousAction[agent * factors + f] = action;
          actionsOut[agent * factors + f] = action;
        }
      }
    }
  }

  private void advanceHistory(int agent) {
    int next = historyNext[agent] + 1;
    historyNext[agent] = next == historyLength ? 0 : next;
  }

  /** The history slot of the agent's latest entry (only when historyLength > 0). */
  private int latestSlot(int agent) {
    int next = historyNext[agent];
    return (next == 0 ? historyLength : next) - 1;
  }

  private void scatter(float[] from, int lane, float[] to, int base, int length) {
    for (int i = 0; i < length; i++) {
      to[base + i * lanes] = from[i * lanes + lane];
    }
  }

  private void gather(float[] from, int base, float[] to, int offset, int length) {
    for (int i = 0; i < length; i++) {
      to[i] = from[base + (offset + i) * lanes];
    }
  }

  /** Copies factor {@code f}'s marginal of {@code agent}. */
  void beliefs(int agent, int factor, float[] out) {
    gather(beliefs, beliefBase(agent), out, model.stateOffset[factor], model.numStates[factor]);
  }

  void policyPosterior(int agent, float[] out) {
    gather(policyPosterior, (agent / lanes) * policyBlock + agent % lanes, out, 0, model.policyCount);
  }

  void actionProbabilities(int agent, int factor, float[] out) {
    gather(actionProbabilities, (agent / lanes) * controlBlock + agent % lanes, out, model.controlOffset[factor],
        model.numControls[factor]);
  }

  boolean hasPolicyResults(int agent) {
    return policyResultsCurrent[agent];
  }

  /** Updates one agent in place with {@code inference} (the single-agent path) and records the history entry. */
  void perceiveOne(int agent, int[] observation, AgentInference inference) {
    int factors = model.factors;
    float vfe = (float) inference.update(beliefs, beliefBase(agent), lanes, previousAction, agent * factors, 1,
        observation, 0, 1);
    if (historyLength > 0) {
      long entry = (long) historyNext[agent] * agents + agent;
      for (int m = 0; m < model.modalities; m++) {
        historyObservations[(int) (entry * model.modalities + m)] = observation[m];
      }
      for (int f = 0; f < factors; f++) {
        historyActions[(int) (entry * factors + f)] = -1;
      }
      historyVfe[(int) entry] = vfe;
      advanceHistory(agent);
    }
    steps[agent]++;
    policyResultsCurrent[agent] = false;
  }

  /** Sets the agent's previous action and records it in its latest history entry, if it has one. */
  void setPreviousAction(int agent, int[] action) {
    int factors = model.factors;
    System.arraycopy(action, 0, previousAction, agent * factors, factors);
    if (historyLength > 0) {
      long entry = (long) latestSlot(agent) * agents + agent;
      if (historyObservations[(int) (entry * model.modalities)] >= 0) {
        System.arraycopy(action, 0, historyActions, (int) (entry * factors), factors);
      }
    }
  }

  /** Initial beliefs, no previous action, no policy results, empty history; the step counter keeps counting. */
  void reset(int agent) {
    int base = beliefBase(agent);
    for (int i = 0; i < model.marginalLength; i++) {
      beliefs[base + i * lanes] = model.initialBeliefsFloat[i];
    }
    Arrays.fill(previousAction, agent * model.factors, (agent + 1) * model.factors, -1);
    policyResultsCurrent[agent] = false;
    clearHistory(agent);
  }

  /**
   * Sets the agent's state from a checkpoint: {@code marginals[f]} per factor (validated and normalised by the
   * caller), {@code action[f]} (all -1 = none) and the step counter; no policy results, empty history.
   */
  void restore(int agent, float[][] marginals, int[] action, long stepCount) {
    int base = beliefBase(agent);
    for (int f = 0; f < model.factors; f++) {
      int offset = model.stateOffset[f];
      for (int s = 0; s < model.numStates[f]; s++) {
        beliefs[base + (offset + s) * lanes] = marginals[f][s];
      }
    }
    System.arraycopy(action, 0, previousAction, agent * model.factors, model.factors);
    steps[agent] = stepCount;
    policyResultsCurrent[agent] = false;
    clearHistory(agent);
  }

  void previousAction(int agent, int[] out) {
    System.arraycopy(previousAction, agent * model.factors, out, 0, model.factors);
  }

  /** The agent's belief updates since creation: the counter of its random numbers. */
  long steps(int agent) {
    return steps[agent];
  }

  private void clearHistory(int agent) {
    for (int slot = 0; slot < historyLength; slot++) {
      long entry = (long) slot * agents + agent;
      Arrays.fill(historyObservations, (int) (entry * model.modalities), (int) ((entry + 1) * model.modalities), -1);
      Arrays.fill(historyActions, (int) (entry * model.factors), (int) ((entry + 1) * model.factors), -1);
      historyVfe[(int) entry] = 0.0f;
    }
  }

  /** The agent's history entries, oldest first. */
  AgentHistory history(int agent) {
    int modalities = model.modalities;
    int factors = model.factors;
    int[][] observations = new int[historyLength][];
    int[][] actions = new int[historyLength][];
    float[] vfe = new float[historyLength];
    int count = 0;
    for (int k = 0, slot = historyLength > 0 ? historyNext[agent] : 0; k < historyLength; k++) {
      long entry = (long) slot * agents + agent;
      int first = (int) (entry * modalities);
      if (historyObservations[first] >= 0) {
        observations[count] = Arrays.copyOfRange(historyObservations, first, first + modalities);
        actions[count] = Arrays.copyOfRange(historyActions, (int) (entry * factors), (int) ((entry + 1) * factors));
        vfe[count] = historyVfe[(int) entry];
        count++;
      }
      slot = slot + 1 == historyLength ? 0 : slot + 1;
    }
    return new AgentHistory(Arrays.copyOf(observations, count), Arrays.copyOf(actions, count),
        Arrays.copyOf(vfe, count));
  }
}
