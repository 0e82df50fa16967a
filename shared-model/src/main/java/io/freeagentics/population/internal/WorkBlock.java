package io.freeagentics.population.internal;

import java.util.Arrays;

/**
 * Scratch space for one block of up to {@code lanes} agents being processed together, one agent per lane; owned by
 * one worker. Every per-agent quantity is stored lane-minor: entry {@code i} of the agent in lane {@code l} is at
 * {@code i * lanes + l}, so a kernel reads all agents' entry {@code i} as one vector. Lanes beyond {@link #count}
 * hold harmless values (initial beliefs, observation 0) and their results are discarded.
 */
final class WorkBlock {
  final int lanes;
  /** Agent index of each lane in use. */
  final int[] agent;
  /** Lanes in use. */
  int count;
  /** The storage block whose lanes map one-to-one onto these lanes, or -1 when the lanes were gathered. */
  int storageBlock = -1;

  final int[] observation;
  /** {@code previousAction[f * lanes + l]}, {@code -1} when the agent has none. */
  final int[] previousAction;
  /** Factor 0's previous action as float (for vector lane masks), -1 when none. */
  final float[] previousActionFloat;
  /** For single-factor models: whether some lane in use has previous action {@code u}. */
  final boolean[] actionInUse;
  /** Whether some lane in use has no previous action (its prior is D). */
  boolean initialPriorInUse;
  final long[] steps;

  final float[] beliefs;
  final float[] prior;
  final float[] likelihood;
  final float[] logLikelihoodSum;
  final float[] transitionScratch;
  final float[] vfe;

  final float[] levels;
  final float[] joint;
  final float[] jointScratch;
  final float[] cumulativeValue;
  final float[] negEfe;
  final float[] policyPosterior;
  final float[] policyProbabilities;
  final float[] actionProbabilities;
  final int[] chosen;

  final AgentInference inference;

  WorkBlock(CompiledModel model, int lanes) {
    this.lanes = lanes;
    agent = new int[lanes];
    observation = new int[model.modalities * lanes];
    previousAction = new int[model.factors * lanes];
    previousActionFloat = new float[lanes];
    actionInUse = new boolean[model.numControls[0]];
    steps = new long[lanes];
    beliefs = new float[model.marginalLength * lanes];
    int maxFactorStates = Arrays.stream(model.numStates).max().orElse(1);
    prior = new float[model.factors == 1 ? model.jointStates * lanes : 0];
    likelihood = new float[model.factors == 1 ? model.jointStates * lanes : 0];
    logLikelihoodSum = new float[model.factors == 1 && model.modalities > 1 ? model.jointStates * lanes : 0];
    transitionScratch = new float[maxFactorStates * lanes];
    vfe = new float[lanes];
    levels = new float[model.policyLength * model.marginalLength * lanes];
    joint = new float[model.factors > 1 ? model.jointStates * lanes : 0];
    jointScratch = new float[model.factors > 2 ? model.jointStates * lanes : 0];
    cumulativeValue = new float[model.policyLength * lanes];
    negEfe = new float[model.policyCount * lanes];
    policyPosterior = new float[model.policyCount * lanes];
    policyProbabilities = new float[model.policyCount * lanes];
    actionProbabilities = new float[model.controlLength * lanes];
    chosen = new int[model.factors * lanes];
    inference = new AgentInference(model);
  }

  /** Empties the block. */
  void clear() {
    count = 0;
    storageBlock = -1;
  }

  boolean isFull() {
    return count == lanes;
  }
}
