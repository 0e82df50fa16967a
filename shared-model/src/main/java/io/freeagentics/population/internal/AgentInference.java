package io.freeagentics.population.internal;

/**
 * The belief update of one agent in double precision, exactly as pymdp computes it: prior {@code D} (no previous
 * action) or {@code B_f[:, :, u_f] @ q_f}; one factor: exact Bayes
 * {@code q = (L + 1e-16)(prior + 1e-16) / Z} with {@code L(s) = prod_m A_m[o_m, s]}; several factors: pymdp's
 * fixed-point iteration (uniform start, parallel updates of every marginal from the previous iteration's
 * marginals, stop when the free energy changes by less than the tolerance or after the iteration budget).
 * Returns the variational free energy of the result. Used for the single-agent path and, per lane, for
 * multi-factor blocks. The agent's marginals are read from and written to a float array at
 * {@code beliefs[base + (stateOffset[f] + s) * stride]}. One instance per thread (it holds scratch arrays).
 */
final class AgentInference {
  private static final double GUARD = CompiledModel.LOG_GUARD;

  private final CompiledModel model;
  private final double[] marginal;
  private final double[] prior;
  private final double[] logPrior;
  private final double[] updated;
  private final double[] logLikelihood;
  private final double[] likelihood;
  private final double[] logLikelihoodSum;
  private final double[] prefix;
  private final int[] digits;
  private final double[] inFactor;
  private final double[] outFactor;

  AgentInference(CompiledModel model) {
    this.model = model;
    marginal = new double[model.marginalLength];
    prior = new double[model.marginalLength];
    logPrior = new double[model.marginalLength];
    updated = new double[model.marginalLength];
    logLikelihood = new double[model.jointStates];
    likelihood = new double[model.jointStates];
    logLikelihoodSum = new double[model.jointStates];
    prefix = new double[model.factors + 1];
    digits = new int[model.factors];
    int maxStates = 1;
    for (int s : model.numStates) {
      maxStates = Math.max(maxStates, s);
    }
    inFactor = new double[maxStates];
    outFactor = new double[maxStates];
  }

  /**
   * Updates one agent's marginals in place.
   *
   * @param previous previous action per factor at {@code previous[previousBase + f * previousStride]}, negative
   *     when the agent has none
   * @param observation outcome per modality at {@code observation[observationBase + m * observationStride]}
   * @return the variational free energy of the updated beliefs
   */
  double update(float[] beliefs, int base, int stride, int[] previous, int previousBase, int previousStride,
      int[] observation, int observationBase, int observationStride) {
    formPrior(beliefs, base, stride, previous, previousBase, previousStride);
    int states = model.jointStates;
    for (int s = 0; s < states; s++) {
      likelihood[s] = 1.0;
      logLikelihoodSum[s] = 0.0;
    }
    for (int m = 0; m < model.modalities; m++) {
      int row = observation[observationBase + m * observationStride] * states;
      double[] a = model.likelihood[m];
      double[] logA = model.logLikelihood[m];
      for (int s = 0; s < states; s++) {
        likelihood[s] *= a[row + s];
        logLikelihoodSum[s] += logA[row + s];
      }
    }
    double vfe = model.factors == 1 ? exactBayes() : fixedPoint();
    for (int i = 0; i < model.marginalLength; i++) {
      beliefs[base + i * stride] = (float) marginal[i];
    }
    return vfe;
  }

  private void formPrior(float[] beliefs, int base, int stride, int[] previous, int previousBase,
      int previousStride) {
    boolean initial = previous[previousBase] < 0;
    for (int f = 0; f < model.factors; f++) {
      int offset = model.stateOffset[f];
      int states = model.numStates[f];
      if (initial) {
        System.arraycopy(model.initialBeliefs[f], 0, prior, offset, states);
      } else {
        for (int s = 0; s < states; s++) {
          inFactor[s] = beliefs[base + (offset + s) * stride];
        }
        model.transitions[f][previous[previousBase + f * previousStride]].multiply(inFactor, outFactor);
        System.arraycopy(outFactor, 0, prior, offset, states);
      }
    }
  }

  /** One factor: {@code q = (L + g)(prior + g) / Z}, which equals {@code softmax(ln~L + ln~prior)}. */
  private double exactBayes() {
    int states = model.jointStates;
    double z = 0.0;
    for (int s = 0; s < states; s++) {
      double p = (likelihood[s] + GUARD) * (prior[s] + GUARD);
      marginal[s] = p;
      z += p;
    }
    double inverse = 1.0 / z;
    double accuracyGap = 0.0;
    for (int s = 0; s < states; s++) {
      marginal[s] *= inverse;
      if (model.modalities > 1) {
        accuracyGap += marginal[s] * (Math.log(likelihood[s] + GUARD) - logLikelihoodSum[s]);
      }
    }
    return -Math.log(z) + accuracyGap;
  }

  /** Several factors: pymdp's fixed-point iteration on the marginals; returns the README's vfe. */
  private double fixedPoint() {
    int states = model.jointStates;
    for (int s = 0; s < states; s++) {
      logLikelihood[s] = Math.log(likelihood[s] + GUARD);
    }
    for (int f = 0; f < model.factors; f++) {
      int offset = model.stateOffset[f];
      double uniform = 1.0 / model.numStates[f];
      for (int s = 0; s < model.numStates[f]; s++) {
        logPrior[offset + s] = Math.log(prior[offset + s] + GUARD);
        marginal[offset + s] = uniform;
      }
    }
    double previousEnergy = complexity(marginal);
    for (int iteration = 0; iteration < model.inferenceIterations; iteration++) {
      expectedLogLikelihoodPerFactor();
      for (int f = 0; f < model.factors; f++) {
        softmaxInPlace(updated, model.stateOffset[f], model.numStates[f]);
      }
      System.arraycopy(updated, 0, marginal, 0, model.marginalLength);
      double energy = complexity(marginal) - expectedUnder(marginal, logLikelihood);
      boolean converged = Math.abs(energy - previousEnergy) < model.inferenceTolerance;
      previousEnergy = energy;
      if (converged) {
        break;
      }
    }
    return complexity(marginal) - expectedUnder(marginal, logLikelihoodSum);
  }

  /**
   * {@code updated_f[s_f] = sum_{s_-f} lnL(s) prod_{g != f} q_g(s_g) + ln~prior_f[s_f]}, by one pass over the joint
   * states with prefix and suffix products of the other factors' marginals.
   */
  private void expectedLogLikelihoodPerFactor() {
    int factors = model.factors;
    System.arraycopy(logPrior, 0, updated, 0, model.marginalLength);
    java.util.Arrays.fill(digits, 0);
    for (int s = 0; s < model.jointStates; s++) {
      prefix[0] = 1.0;
      for (int f = 0; f < factors; f++) {
        prefix[f + 1] = prefix[f] * marginal[model.stateOffset[f] + digits[f]];
      }
      double suffix = 1.0;
      double value = logLikelihood[s];
      for (int f = factors - 1; f >= 0; f--) {
        int index = model.stateOffset[f] + digits[f];
        updated[index] += value * prefix[f] * suffix;
        suffix *= marginal[index];
      }
      for (int f = factors - 1; f >= 0; f--) {
        if (++digits[f] < model.numStates[f]) {
          break;
        }
        digits[f] = 0;
      }
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

  /** {@code sum_f q_f . (ln~q_f - ln~prior_f)}. */
  private double complexity(double[] q) {
    double sum = 0.0;
    for (int i = 0; i < model.marginalLength; i++) {
      sum += q[i] * (Math.log(q[i] + GUARD) - logPrior[i]);
    }
    return sum;
  }

  /** {@code sum_s prod_f q_f(s_f) * values[s]}. */
  private double expectedUnder(double[] q, double[] values) {
    int factors = model.factors;
    java.util.Arrays.fill(digits, 0);
    double sum = 0.0;
    for (int s = 0; s < model.jointStates; s++) {
      double weight = 1.0;
      for (int f = 0; f < factors; f++) {
        weight *= q[model.stateOffset[f] + digits[f]];
      }
      sum += weight * values[s];
      for (int f = factors - 1; f >= 0; f--) {
        if (++digits[f] < model.numStates[f]) {
          break;
        }
        digits[f] = 0;
      }
    }
    return sum;
  }
}
