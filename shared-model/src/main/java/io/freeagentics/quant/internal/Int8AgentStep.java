package io.freeagentics.quant.internal;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.quant.LogCodec;
import io.freeagentics.random.CounterRandom;

/**
 * One agent's perception–action cycle on its byte record, one instance per thread (it owns scratch arrays).
 *
 * <p>Belief update. The prior is {@code D} or {@code B_f[:, :, u] @ decode(codes_f)}. With one factor the
 * posterior is formed in the log domain, in nats: {@code v(s) = min(sum_m distance(A_m[o_m, s]), GUARD) +
 * offset(s) - ln(prior(s) + 1e-16)}, where the likelihood codes' distances come from a 256-entry table (Bayes'
 * rule is an addition of distances) and the new codes are the nearest to {@code v(s) - min v}; no exponential
 * is taken. With several factors pymdp's fixed-point iteration runs in double on the log-likelihood decoded from
 * the same codes, and the marginals are encoded afterwards.
 *
 * <p>Policies. The stored beliefs are decoded and propagated through every policy in float (for one factor and
 * one-step policies, through the precomputed {@code A_joint B_u} instead); the expected free energy uses the float
 * tables of {@link Int8Tables} and the products of the chosen {@link MatrixKernel}. Policy
 * and action probabilities are formed in float, the action is chosen from them (near-ties to the lowest index, see ActionSelection), and
 * both are stored as codes.
 */
final class Int8AgentStep {
  private static final double GUARD = 1e-16;
  private static final float FLOAT_GUARD = 1e-16f;

  private final Int8Tables t;
  private final Int8AgentStore store;
  private final MatrixKernel kernel;
  private final long seedKey;

  private final float[] decoded;
  private final float[] prior;
  private final float[] posteriorNats;
  private final float[] rawNats;
  private final float[] floatMarginal;
  // fixed-point iteration (several factors)
  private final double[] marginal;
  private final double[] logPrior;
  private final double[] updated;
  private final double[] logLikelihood;
  private final double[] logLikelihoodSum;
  private final double[] prefix;
  private final int[] digits;
  // policy evaluation
  private final float[] current;
  private final float[] next;
  private final float[] joint;
  private final float[] jointScratch;
  private final float[] outcomes;
  private final float[] negEfe;
  private final float[] policyPosterior;
  private final float[] policyProbabilities;
  private final float[] actionProbabilities;
  private final int[] chosen;
  private final float[] scratchDistances;

  Int8AgentStep(Int8AgentStore store, MatrixKernel kernel, long seed) {
    this.t = store.tables;
    this.store = store;
    this.kernel = kernel;
    this.seedKey = CounterRandom.seedKey(seed);
    decoded = new float[t.marginalLength];
    prior = new float[t.marginalLength];
    posteriorNats = new float[t.jointStates];
    rawNats = new float[t.jointStates];
    floatMarginal = new float[t.marginalLength];
    marginal = new double[t.marginalLength];
    logPrior = new double[t.marginalLength];
    updated = new double[t.marginalLength];
    logLikelihood = new double[t.jointStates];
    logLikelihoodSum = new double[t.jointStates];
    prefix = new double[t.factors + 1];
    digits = new int[t.factors];
    current = new float[t.marginalLength];
    next = new float[t.marginalLength];
    joint = new float[t.jointStates];
    jointScratch = new float[t.jointStates];
    outcomes = new float[Math.max(1, t.jointOutcomes)];
    negEfe = new float[t.policyCount];
    policyPosterior = new float[t.policyCount];
    policyProbabilities = new float[t.policyCount];
    actionProbabilities = new float[t.controlLength];
    chosen = new int[t.factors];
    scratchDistances = new float[Math.max(t.marginalLength, Math.max(t.policyCount, t.controlLength))];
  }

  /** Belief update only (no policy results). */
  void perceive(int agent, int[] observations, int observationBase) {
    float vfe = updateBeliefs(agent, observations, observationBase);
    store.recordUpdate(agent, observations, observationBase, vfe, false);
  }

  /** Belief update, policy evaluation and action; the action goes to {@code actionsOut[agent * F + f]}. */
  void step(int agent, int[] observations, int observationBase, int[] actionsOut) {
    float vfe = updateBeliefs(agent, observations, observationBase);
    evaluatePolicies(agent);
    choose(agent);
    store.recordUpdate(agent, observations, observationBase, vfe, true);
    store.setPreviousAction(agent, chosen, 0);
    System.arraycopy(chosen, 0, actionsOut, agent * t.factors, t.factors);
  }

  private float updateBeliefs(int agent, int[] observations, int observationBase) {
    formPrior(agent);
    int states = t.jointStates;
    for (int s = 0; s < states; s++) {
      rawNats[s] = 0.0f;
    }
    for (int m = 0; m < t.modalities; m++) {
      byte[] codes = t.likelihoodCodes[m];
      int row = observations[observationBase + m] * states;
      for (int s = 0; s < states; s++) {
        rawNats[s] += LogCodec.guardedNats(codes[row + s]);
      }
    }
    return t.factors == 1 ? logDomainBayes(agent) : fixedPoint(agent);
  }

  private void formPrior(int agent) {
    int base = agent * store.stride;
    boolean initial = (store.state[base + store.actionBase] & 0xFF) == Int8AgentStore.NO_ACTION_CODE;
    if (initial) {
      System.arraycopy(t.initialBeliefs, 0, prior, 0, t.marginalLength);
      return;
    }
    for (int f = 0; f < t.factors; f++) {
      int offset = t.stateOffset[f];
      LogCodec.decodeDistribution(store.state, base + offset, t.numStates[f], decoded, offset);
      t.transition(f, store.state[base + store.actionBase + f] & 0xFF, decoded, offset, prior, offset);
    }
  }

  /** One factor: the posterior's codes from the likelihood codes' distances plus the prior's log; returns vfe. */
  private float logDomainBayes(int agent) {
    int states = t.jointStates;
    float min = Float.POSITIVE_INFINITY;
    for (int s = 0; s < states; s++) {
      float v = Math.min(rawNats[s], LogCodec.GUARD_NATS) + t.likelihoodOffset[s]
          - FastMath.log(prior[s] + FLOAT_GUARD);
      posteriorNats[s] = v;
      min = Math.min(min, v);
    }
    int base = agent * store.stride;
    LogCodec.encodeDistances(posteriorNats, 0, states, min, store.state, base);
    float sum = 0.0f;
    for (int s = 0; s < states; s++) {
      sum += LogCodec.ratio(store.state[base + s]);
    }
    float vfe = min - FastMath.log(sum);
    if (t.modalities > 1) {
      float gap = 0.0f;
      float inverse = 1.0f / sum;
      for (int s = 0; s < states; s++) {
        float excess = rawNats[s] - Math.min(rawNats[s], LogCodec.GUARD_NATS);
        if (excess > 0.0f) {
          gap += LogCodec.ratio(store.state[base + s]) * inverse * excess;
        }
      }
      vfe += gap;
    }
    return vfe;
  }

  /** Several factors: pymdp's fixed-point iteration in double; the marginals are then encoded. */
  private float fixedPoint(int agent) {
    int states = t.jointStates;
    for (int s = 0; s < states; s++) {
      logLikelihood[s] = -(Math.min(rawNats[s], LogCodec.GUARD_NATS) + t.likelihoodOffset[s]);
      logLikelihoodSum[s] = -(rawNats[s] + t.likelihoodOffset[s]);
    }
    for (int f = 0; f < t.factors; f++) {
      int offset = t.stateOffset[f];
      double uniform = 1.0 / t.numStates[f];
      for (int s = 0; s < t.numStates[f]; s++) {
        logPrior[offset + s] = Math.log(prior[offset + s] + GUARD);
        marginal[offset + s] = uniform;
      }
    }
    double previousEnergy = complexity();
    for (int iteration = 0; iteration < t.inferenceIterations; iteration++) {
      expectedLogLikelihoodPerFactor();
      for (int f = 0; f < t.factors; f++) {
        softmaxInPlace(updated, t.stateOffset[f], t.numStates[f]);
      }
      System.arraycopy(updated, 0, marginal, 0, t.marginalLength);
      double energy = complexity() - expectedUnder(logLikelihood);
      boolean converged = Math.abs(energy - previousEnergy) < t.inferenceTolerance;
      previousEnergy = energy;
      if (converged) {
        break;
      }
    }
    double vfe = complexity() - expectedUnder(logLikelihoodSum);
    for (int i = 0; i < t.marginalLength; i++) {
      floatMarginal[i] = (float) marginal[i];
    }
    int base = agent * store.stride;
    for (int f = 0; f < t.factors; f++) {
      encode(floatMarginal, t.stateOffset[f], t.numStates[f], base + t.stateOffset[f]);
    }
    return (float) vfe;
  }

  /** {@code updated_f[s_f] = sum_{s_-f} lnL(s) prod_{g != f} q_g(s_g) + ln~prior_f[s_f]} in one joint pass. */
  private void expectedLogLikelihoodPerFactor() {
    int factors = t.factors;
    System.arraycopy(logPrior, 0, updated, 0, t.marginalLength);
    java.util.Arrays.fill(digits, 0);
    for (int s = 0; s < t.jointStates; s++) {
      prefix[0] = 1.0;
      for (int f = 0; f < factors; f++) {
        prefix[f + 1] = prefix[f] * marginal[t.stateOffset[f] + digits[f]];
      }
      double suffix = 1.0;
      double value = logLikelihood[s];
      for (int f = factors - 1; f >= 0; f--) {
        int index = t.stateOffset[f] + digits[f];
        updated[index] += value * prefix[f] * suffix;
        suffix *= marginal[index];
      }
      advance(digits);
    }
  }

  private void advance(int[] digit) {
    for (int f = t.factors - 1; f >= 0; f--) {
      if (++digit[f] < t.numStates[f]) {
        return;
      }
      digit[f] = 0;
    }
  }

  private static void softmaxInPlace(double[] values, int offset, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + length; i++) {
      max = Math.max(max, values[i]);
    }
    double sum = 0.0;
    for (int i = offset; i < offset + length; i++) {
      values[i] = Math.exp(values[i] - max);
      sum += values[i];
    }
    for (int i = offset; i < offset + length; i++) {
      values[i] /= sum;
    }
  }

  private double complexity() {
    double sum = 0.0;
    for (int i = 0; i < t.marginalLength; i++) {
      sum += marginal[i] * (Math.log(marginal[i] + GUARD) - logPrior[i]);
    }
    return sum;
  }

  private double expectedUnder(double[] values) {
    java.util.Arrays.fill(digits, 0);
    double sum = 0.0;
    for (int s = 0; s < t.jointStates; s++) {
      double weight = 1.0;
      for (int f = 0; f < t.factors; f++) {
        weight *= marginal[t.stateOffset[f] + digits[f]];
      }
      sum += weight * values[s];
      advance(digits);
    }
    return sum;
  }

  /** negEfe of every policy from the decoded stored beliefs; then policy and action probabilities. */
  private void evaluatePolicies(int agent) {
    int base = agent * store.stride;
    for (int f = 0; f < t.factors; f++) {
      LogCodec.decodeDistribution(store.state, base + t.stateOffset[f], t.numStates[f], decoded, t.stateOffset[f]);
    }
    for (int k = 0; k < t.policyCount; k++) {
      if (t.actionOutcomes != null) {
        negEfe[k] = firstStepValue(t.policyActions[k][0][0]);
        continue;
      }
      float[] from = decoded;
      float value = 0.0f;
      for (int step = 0; step < t.policyLength; step++) {
        float[] to = step % 2 == 0 ? current : next;
        for (int f = 0; f < t.factors; f++) {
          t.transition(f, t.policyActions[k][step][f], from, t.stateOffset[f], to, t.stateOffset[f]);
        }
        from = to;
        float[] x = t.factors == 1 ? to : jointOf(to);
        if (t.stateValues != null) {
          value += kernel.dot(t.stateValues, 0, x, 0, t.jointStates);
        }
        if (t.outcomeMatrix != null) {
          if (t.outcomeBackground != null) {
            t.outcomeBackground.multiply(x, 0, outcomes);
          } else {
            kernel.multiply(t.outcomeMatrix, t.jointOutcomes, t.jointStates, x, 0, outcomes);
          }
          value += kernel.outcomeTerms(outcomes, t.outcomeValues, t.jointOutcomes);
        }
      }
      negEfe[k] = value;
    }
    for (int k = 0; k < t.policyCount; k++) {
      policyPosterior[k] = t.gamma * negEfe[k] + t.logPolicyPrior[k];
    }
    softmax(policyPosterior, 0, t.policyCount);
    if (t.samplingMode == SamplingMode.FULL) {
      for (int k = 0; k < t.policyCount; k++) {
        policyProbabilities[k] = t.alpha * FastMath.log(policyPosterior[k] + FLOAT_GUARD);
      }
      softmax(policyProbabilities, 0, t.policyCount);
      for (int c = 0; c < t.controlLength; c++) {
        float sum = 0.0f;
        for (int k : t.firstActionPolicies[c]) {
          sum += policyProbabilities[k];
        }
        actionProbabilities[c] = sum;
      }
    } else {
      for (int f = 0; f < t.factors; f++) {
        int first = t.controlOffset[f];
        int controls = t.numControls[f];
        float total = 0.0f;
        for (int u = 0; u < controls; u++) {
          float sum = 0.0f;
          for (int k : t.firstActionPolicies[first + u]) {
            sum += policyPosterior[k];
          }
          actionProbabilities[first + u] = sum;
          total += sum;
        }
        for (int u = 0; u < controls; u++) {
          actionProbabilities[first + u] =
              t.alpha * FastMath.log(actionProbabilities[first + u] / total + FLOAT_GUARD);
        }
        softmax(actionProbabilities, first, controls);
      }
    }
    encode(policyPosterior, 0, t.policyCount, base + store.policyBase);
    for (int f = 0; f < t.factors; f++) {
      int first = t.controlOffset[f];
      encode(actionProbabilities, first, t.numControls[f], base + store.controlBase + first);
    }
  }

  /** One factor, one-step policy with action {@code u}: the value from the decoded beliefs in one product. */
  private float firstStepValue(int u) {
    float value = 0.0f;
    if (t.actionStateValues[u] != null) {
      value += kernel.dot(t.actionStateValues[u], 0, decoded, 0, t.jointStates);
    }
    if (t.actionOutcomes[u] != null) {
      t.actionOutcomes[u].multiply(decoded, 0, outcomes);
      value += kernel.outcomeTerms(outcomes, t.outcomeValues, t.jointOutcomes);
    }
    return value;
  }

  /** Encodes the non-negative {@code weights[offset, + length)} (some positive) into the agent's record. */
  private void encode(float[] weights, int offset, int length, int target) {
    float max = 0.0f;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, weights[offset + i]);
    }
    float logMax = FastMath.log(max);
    float min = Float.POSITIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      float w = weights[offset + i];
      float distance = w > 0.0f ? Math.max(0.0f, logMax - FastMath.log(w)) : Float.POSITIVE_INFINITY;
      scratchDistances[i] = distance;
      min = Math.min(min, distance);
    }
    LogCodec.encodeDistances(scratchDistances, 0, length, min, store.state, target);
  }

  /** The outer product of the factor marginals in {@code x} (C order), in {@link #joint}. */
  private float[] jointOf(float[] x) {
    float[] currentJoint = (t.factors - 1) % 2 == 0 ? joint : jointScratch;
    int length = t.numStates[0];
    System.arraycopy(x, 0, currentJoint, 0, length);
    for (int f = 1; f < t.factors; f++) {
      float[] target = currentJoint == joint ? jointScratch : joint;
      int states = t.numStates[f];
      int offset = t.stateOffset[f];
      for (int i = 0; i < length; i++) {
        float left = currentJoint[i];
        for (int j = 0; j < states; j++) {
          target[i * states + j] = left * x[offset + j];
        }
      }
      currentJoint = target;
      length *= states;
    }
    return currentJoint;
  }

  private void choose(int agent) {
    boolean deterministic = t.actionSelection == ActionSelection.DETERMINISTIC;
    long step = store.steps[agent];
    if (t.samplingMode == SamplingMode.FULL) {
      int policy = deterministic ? argmax(policyProbabilities, 0, t.policyCount)
          : draw(policyProbabilities, 0, t.policyCount, CounterRandom.uniform(seedKey, agent, step, 0));
      for (int f = 0; f < t.factors; f++) {
        chosen[f] = t.policyActions[policy][0][f];
      }
      return;
    }
    for (int f = 0; f < t.factors; f++) {
      int first = t.controlOffset[f];
      int controls = t.numControls[f];
      chosen[f] = deterministic ? argmax(actionProbabilities, first, controls)
          : draw(actionProbabilities, first, controls, CounterRandom.uniform(seedKey, agent, step, f));
    }
  }

  /** Index (relative to {@code first}) of the first value within {@link ActionSelection#TIE_TOLERANCE} of the largest. */
  private static int argmax(float[] values, int first, int count) {
    float max = values[first];
    for (int i = 1; i < count; i++) {
      max = Math.max(max, values[first + i]);
    }
    float threshold = max - (float) ActionSelection.TIE_TOLERANCE;
    for (int i = 0; i < count; i++) {
      if (values[first + i] >= threshold) {
        return i;
      }
    }
    return 0;
  }

  private static int draw(float[] values, int first, int count, float u) {
    float cumulative = 0.0f;
    int lastPossible = 0;
    for (int i = 0; i < count; i++) {
      float p = values[first + i];
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

  private static void softmax(float[] values, int offset, int count) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + count; i++) {
      max = Math.max(max, values[i]);
    }
    float sum = 0.0f;
    for (int i = offset; i < offset + count; i++) {
      values[i] = FastMath.exp(values[i] - max);
      sum += values[i];
    }
    float inverse = 1.0f / sum;
    for (int i = offset; i < offset + count; i++) {
      values[i] *= inverse;
    }
  }
}
