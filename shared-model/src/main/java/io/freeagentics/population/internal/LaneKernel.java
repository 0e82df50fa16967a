package io.freeagentics.population.internal;

/**
 * The arithmetic of one block of agents, one agent per lane (see {@link WorkBlock} for the lane-minor layout).
 * Every operation is lane-wise: a lane's result depends only on that lane's inputs and the shared model, never on
 * other lanes or on where the agent sits in a block, which is what makes results independent of threads and
 * packing. Two implementations: {@link ScalarLaneKernel} (plain Java) and {@code VectorLaneKernel} (Vector API).
 * An instance belongs to one worker thread (implementations may keep scratch arrays).
 */
abstract class LaneKernel {
  final int lanes;

  LaneKernel(int lanes) {
    this.lanes = lanes;
  }

  /** What this kernel is, for {@code Population.kernelDescription()}. */
  abstract String description();

  /**
   * Single-factor belief update of every lane: prior (initial beliefs for lanes with previous action -1, else
   * {@code B[:, :, u] @ beliefs}), likelihood {@code L(s) = prod_m A_m[o_m, s]} into {@link WorkBlock#likelihood},
   * then {@code beliefs = (L + 1e-16)(prior + 1e-16) / Z} and {@link WorkBlock#vfe}.
   */
  abstract void singleFactorPosterior(CompiledModel model, WorkBlock block);

  /**
   * {@code likelihood[s][l] *= A_m[o_m(l), s]} for modalities {@code from..M-1} (the first one assigns), and for
   * several modalities {@code logLikelihoodSum[s][l] = sum_m ln~(A_m[o_m(l), s])}: table lookups, lane by lane.
   */
  static void lookUpLikelihood(CompiledModel model, WorkBlock block, int from) {
    int w = block.lanes;
    int states = model.jointStates;
    float[] likelihood = block.likelihood;
    for (int m = from; m < model.modalities; m++) {
      float[] a = model.likelihoodFloat[m];
      for (int l = 0; l < w; l++) {
        int row = block.observation[m * w + l] * states;
        if (m == 0) {
          for (int s = 0; s < states; s++) {
            likelihood[s * w + l] = a[row + s];
          }
        } else {
          for (int s = 0; s < states; s++) {
            likelihood[s * w + l] *= a[row + s];
          }
        }
      }
    }
    if (model.modalities > 1) {
      float[] logSum = block.logLikelihoodSum;
      java.util.Arrays.fill(logSum, 0.0f);
      for (int m = 0; m < model.modalities; m++) {
        float[] logA = model.logLikelihoodFloat[m];
        for (int l = 0; l < w; l++) {
          int row = block.observation[m * w + l] * states;
          for (int s = 0; s < states; s++) {
            logSum[s * w + l] += logA[row + s];
          }
        }
      }
    }
  }

  /** {@code out[r] = sum_c m[r][c] * in[c]} for every lane; rows and columns at stride {@link #lanes}. */
  abstract void multiply(LaneMatrix m, float[] in, int inOffset, float[] out, int outOffset);

  /**
   * {@code acc += sum_o qo[o] * (outcomeValues[o] - ln(qo[o] + 1e-16))} with {@code qo = m @ x}: utility plus the
   * predicted-outcome entropy of one policy step.
   */
  abstract void addOutcomeTerms(LaneMatrix m, float[] x, int xOffset, float[] outcomeValues, float[] acc,
      int accOffset);

  /** {@code acc += sum_s values[s] * x[s]}. */
  abstract void addDot(float[] values, float[] x, int xOffset, float[] acc, int accOffset);

  /** {@code out[i * bLength + j] = a[i] * b[j]}: the joint of two independent distributions. */
  abstract void outer(float[] a, int aOffset, int aLength, float[] b, int bOffset, int bLength, float[] out,
      int outOffset);

  /**
   * From {@link WorkBlock#negEfe}: {@code q_pi = softmax(gamma * negEfe + ln~E)}, and the action probabilities of
   * the sampling mode (and, for FULL, the policy probabilities {@code softmax(alpha * ln~q_pi)}).
   */
  abstract void policyAndActionProbabilities(CompiledModel model, WorkBlock block);
}
