package io.freeagentics.population.internal;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.random.CounterRandom;

/**
 * The sequence of computations of one block of agents, on top of a {@link LaneKernel}: belief update (the
 * single-factor kernel or the per-lane fixed-point iteration), policy evaluation over the
 * {@link PolicyTree}, policy and action probabilities, and the choice of actions with the counter-based random
 * numbers. One instance per worker.
 */
final class BlockProgram {
  private final CompiledModel model;
  private final LaneKernel kernel;
  private final long seedKey;
  private final int lanes;

  BlockProgram(CompiledModel model, LaneKernel kernel, long seed) {
    this.model = model;
    this.kernel = kernel;
    this.seedKey = CounterRandom.seedKey(seed);
    this.lanes = kernel.lanes;
  }

  /** New beliefs and {@link WorkBlock#vfe} for every lane in use. */
  void updateBeliefs(WorkBlock block) {
    int w = lanes;
    if (model.factors == 1) {
      kernel.singleFactorPosterior(model, block);
      return;
    }
    for (int l = 0; l < block.count; l++) {
      block.vfe[l] = (float) block.inference.update(block.beliefs, l, w, block.previousAction, l, w,
          block.observation, l, w);
    }
  }

  /**
   * {@link WorkBlock#negEfe} of every policy: depth-first over the policy tree, each node adds its step's value
   * (state term {@code x . stateValues} plus, with information gain, the outcome terms) to its parent's sum.
   */
  void evaluatePolicies(WorkBlock block) {
    int w = lanes;
    PolicyTree tree = model.policyTree;
    int levelSize = model.marginalLength * w;
    float[] sums = block.cumulativeValue;
    for (int node = 0; node < tree.size(); node++) {
      int depth = tree.depth(node);
      int sum = depth * w;
      if (depth == 0) {
        java.util.Arrays.fill(sums, 0, w, 0.0f);
      } else {
        System.arraycopy(sums, sum - w, sums, sum, w);
      }
      if (depth == 0 && model.actionOutcomeMatrices != null) {
        int u = tree.action(node, 0);
        kernel.addOutcomeTerms(model.actionOutcomeMatrices[u], block.beliefs, 0, model.outcomeValues, sums, sum);
        if (model.actionStateValues[u] != null) {
          kernel.addDot(model.actionStateValues[u], block.beliefs, 0, sums, sum);
        }
        if (tree.hasChildren(node)) {
          kernel.multiply(model.transitions[0][u], block.beliefs, 0, block.levels, 0);
        }
      } else {
        float[] source = depth == 0 ? block.beliefs : block.levels;
        int sourceOffset = depth == 0 ? 0 : (depth - 1) * levelSize;
        int target = depth * levelSize;
        for (int f = 0; f < model.factors; f++) {
          int offset = model.stateOffset[f] * w;
          kernel.multiply(model.transitions[f][tree.action(node, f)], source, sourceOffset + offset, block.levels,
              target + offset);
        }
        float[] x = block.levels;
        int xOffset = target;
        if (model.factors > 1) {
          jointOf(block, target);
          x = block.joint;
          xOffset = 0;
        }
        if (model.outcomeMatrix != null) {
          kernel.addOutcomeTerms(model.outcomeMatrix, x, xOffset, model.outcomeValues, sums, sum);
        }
        if (model.stateValues != null) {
          kernel.addDot(model.stateValues, x, xOffset, sums, sum);
        }
      }
      for (int k : tree.policiesEndingAt(node)) {
        System.arraycopy(sums, sum, block.negEfe, k * w, w);
      }
    }
  }

  /** {@link WorkBlock#joint} = the outer product of the factor marginals at {@code levels[offset..]}. */
  private void jointOf(WorkBlock block, int offset) {
    int w = lanes;
    int factors = model.factors;
    // Build left to right, alternating buffers so that the last product lands in block.joint.
    float[] current = block.levels;
    int currentOffset = offset;
    int currentLength = model.numStates[0];
    for (int f = 1; f < factors; f++) {
      float[] target = (factors - 1 - f) % 2 == 0 ? block.joint : block.jointScratch;
      kernel.outer(current, currentOffset, currentLength, block.levels, offset + model.stateOffset[f] * w,
          model.numStates[f], target, 0);
      current = target;
      currentOffset = 0;
      currentLength *= model.numStates[f];
    }
  }

  /** Chooses every lane's action(s) from the probabilities, into {@link WorkBlock#chosen}. */
  void chooseActions(WorkBlock block) {
    int w = lanes;
    boolean deterministic = model.actionSelection == ActionSelection.DETERMINISTIC;
    if (model.samplingMode == SamplingMode.FULL) {
      for (int l = 0; l < block.count; l++) {
        int policy = deterministic
            ? argmax(block.policyProbabilities, 0, model.policyCount, l)
            : draw(block.policyProbabilities, 0, model.policyCount, l,
                CounterRandom.uniform(seedKey, block.agent[l], block.steps[l], 0));
        for (int f = 0; f < model.factors; f++) {
          block.chosen[f * w + l] = model.firstActions[policy][f];
        }
      }
      return;
    }
    for (int l = 0; l < block.count; l++) {
      for (int f = 0; f < model.factors; f++) {
        int first = model.controlOffset[f];
        int controls = model.numControls[f];
        block.chosen[f * w + l] = deterministic
            ? argmax(block.actionProbabilities, first, controls, l)
            : draw(block.actionProbabilities, first, controls, l,
                CounterRandom.uniform(seedKey, block.agent[l], block.steps[l], f));
      }
    }
  }

  /**
   * Index (relative to {@code first}) of the first entry of lane {@code l} within
   * {@link ActionSelection#TIE_TOLERANCE} of the largest.
   */
  private int argmax(float[] values, int first, int count, int l) {
    float max = values[first * lanes + l];
    for (int i = 1; i < count; i++) {
      max = Math.max(max, values[(first + i) * lanes + l]);
    }
    float threshold = max - (float) ActionSelection.TIE_TOLERANCE;
    for (int i = 0; i < count; i++) {
      if (values[(first + i) * lanes + l] >= threshold) {
        return i;
      }
    }
    return 0;
  }

  /** The first index whose cumulative probability exceeds {@code u}; the last non-zero one if rounding leaves none. */
  private int draw(float[] values, int first, int count, int l, float u) {
    float cumulative = 0.0f;
    int lastPossible = 0;
    for (int i = 0; i < count; i++) {
      float p = values[(first + i) * lanes + l];
      if (p > 0.0f) {
        lastPossible = i;
      }
      cumulative += p;
      if (u < cumulative) {
        return i;
      }
    }
    return lastPossible;
  }
}
