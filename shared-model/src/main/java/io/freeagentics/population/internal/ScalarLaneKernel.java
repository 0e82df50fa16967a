package io.freeagentics.population.internal;

import io.freeagentics.engine.SamplingMode;

/**
 * Plain-Java lane kernels: the same arithmetic as the vector kernels, one lane at a time (inner loops run over the
 * lanes, which C2 may vectorise on its own). The path for JVMs without C2 or without the Vector API, and the
 * baseline the vector kernels are tested against. Matrices are multiplied in compressed-row form, or as background
 * plus residual where {@link LaneMatrix} chose that form.
 */
final class ScalarLaneKernel extends LaneKernel {
  /** Lanes per block of the plain-Java layout. */
  static final int LANES = 8;
  private static final float GUARD = ScalarMath.LOG_GUARD;

  private final String note;
  private final float[] laneA;
  private final float[] laneB;
  /** Predicted outcomes of one policy step (rows of the largest matrix). */
  private final float[] outcomes;

  ScalarLaneKernel(CompiledModel model, String note) {
    super(LANES);
    this.note = note;
    this.laneA = new float[LANES];
    this.laneB = new float[LANES];
    this.outcomes = new float[Math.max(model.jointOutcomes, model.jointStates) * LANES];
  }

  @Override
  String description() {
    return "scalar (" + note + "), " + lanes + " lanes";
  }

  @Override
  void singleFactorPosterior(CompiledModel model, WorkBlock block) {
    int w = lanes;
    int states = model.jointStates;
    float[] prior = block.prior;
    float[] beliefs = block.beliefs;
    float[] initial = model.initialBeliefsFloat;
    for (int l = 0; l < w; l++) {
      int action = block.previousAction[l];
      if (action < 0) {
        for (int s = 0; s < states; s++) {
          prior[s * w + l] = initial[s];
        }
      } else {
        LaneMatrix b = model.transitions[0][action];
        for (int s = 0; s < states; s++) {
          float sum = 0.0f;
          for (int i = b.rowStart[s]; i < b.rowStart[s + 1]; i++) {
            sum += b.values[i] * beliefs[b.columns[i] * w + l];
          }
          prior[s * w + l] = sum;
        }
      }
    }
    lookUpLikelihood(model, block, 0);
    float[] likelihood = block.likelihood;
    float[] z = laneA;
    java.util.Arrays.fill(z, 0.0f);
    for (int s = 0; s < states; s++) {
      int row = s * w;
      for (int l = 0; l < w; l++) {
        float p = (likelihood[row + l] + GUARD) * (prior[row + l] + GUARD);
        beliefs[row + l] = p;
        z[l] += p;
      }
    }
    float[] inverse = laneB;
    for (int l = 0; l < w; l++) {
      inverse[l] = 1.0f / z[l];
      block.vfe[l] = -ScalarMath.log(z[l]);
    }
    for (int s = 0; s < states; s++) {
      int row = s * w;
      for (int l = 0; l < w; l++) {
        beliefs[row + l] *= inverse[l];
      }
    }
    if (model.modalities > 1) {
      float[] logSum = block.logLikelihoodSum;
      for (int s = 0; s < states; s++) {
        int row = s * w;
        for (int l = 0; l < w; l++) {
          block.vfe[l] += beliefs[row + l] * (ScalarMath.log(likelihood[row + l] + GUARD) - logSum[row + l]);
        }
      }
    }
  }

  @Override
  void multiply(LaneMatrix m, float[] in, int inOffset, float[] out, int outOffset) {
    int w = lanes;
    boolean background = m.form == LaneMatrix.Form.BACKGROUND;
    int[] rowStart = background ? m.residualRowStart : m.rowStart;
    int[] columns = background ? m.residualColumns : m.columns;
    float[] values = background ? m.residualValues : m.values;
    float[] base = laneA;
    java.util.Arrays.fill(base, 0.0f);
    if (background) {
      for (int c = 0; c < m.cols; c++) {
        int source = inOffset + c * w;
        for (int l = 0; l < w; l++) {
          base[l] += in[source + l];
        }
      }
      for (int l = 0; l < w; l++) {
        base[l] *= m.background;
      }
    }
    for (int r = 0; r < m.rows; r++) {
      int target = outOffset + r * w;
      System.arraycopy(base, 0, out, target, w);
      for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
        float value = values[i];
        int source = inOffset + columns[i] * w;
        for (int l = 0; l < w; l++) {
          out[target + l] += value * in[source + l];
        }
      }
    }
  }

  @Override
  void addOutcomeTerms(LaneMatrix m, float[] x, int xOffset, float[] outcomeValues, float[] acc, int accOffset) {
    int w = lanes;
    multiply(m, x, xOffset, outcomes, 0);
    for (int r = 0; r < m.rows; r++) {
      float c = outcomeValues[r];
      for (int l = 0; l < w; l++) {
        float q = outcomes[r * w + l];
        acc[accOffset + l] += q * (c - ScalarMath.log(q + GUARD));
      }
    }
  }

  @Override
  void addDot(float[] values, float[] x, int xOffset, float[] acc, int accOffset) {
    int w = lanes;
    for (int s = 0; s < values.length; s++) {
      float value = values[s];
      int source = xOffset + s * w;
      for (int l = 0; l < w; l++) {
        acc[accOffset + l] += value * x[source + l];
      }
    }
  }

  @Override
  void outer(float[] a, int aOffset, int aLength, float[] b, int bOffset, int bLength, float[] out, int outOffset) {
    int w = lanes;
    for (int i = 0; i < aLength; i++) {
      for (int j = 0; j < bLength; j++) {
        int target = outOffset + (i * bLength + j) * w;
        int left = aOffset + i * w;
        int right = bOffset + j * w;
        for (int l = 0; l < w; l++) {
          out[target + l] = a[left + l] * b[right + l];
        }
      }
    }
  }

  @Override
  void policyAndActionProbabilities(CompiledModel model, WorkBlock block) {
    int w = lanes;
    int policies = model.policyCount;
    softmax(block.negEfe, model.gamma, model.logPolicyPrior, policies, block.policyPosterior);
    float[] actions = block.actionProbabilities;
    if (model.samplingMode == SamplingMode.FULL) {
      float[] logPosterior = block.policyProbabilities;
      for (int i = 0; i < policies * w; i++) {
        logPosterior[i] = ScalarMath.log(block.policyPosterior[i] + GUARD);
      }
      softmax(logPosterior, model.alpha, null, policies, logPosterior);
      for (int c = 0; c < model.controlLength; c++) {
        sumPolicies(logPosterior, model.firstActionPolicies[c], actions, c * w);
      }
      return;
    }
    for (int f = 0; f < model.factors; f++) {
      int first = model.controlOffset[f];
      int controls = model.numControls[f];
      float[] total = laneA;
      java.util.Arrays.fill(total, 0.0f);
      for (int u = 0; u < controls; u++) {
        int target = (first + u) * w;
        sumPolicies(block.policyPosterior, model.firstActionPolicies[first + u], actions, target);
        for (int l = 0; l < w; l++) {
          total[l] += actions[target + l];
        }
      }
      for (int u = 0; u < controls; u++) {
        int target = (first + u) * w;
        for (int l = 0; l < w; l++) {
          actions[target + l] = ScalarMath.log(actions[target + l] / total[l] + GUARD);
        }
      }
      softmaxSegment(actions, first * w, controls, model.alpha);
    }
  }

  /** {@code out[k] = softmax_k(scale * values[k] + bias[k])} per lane (bias may be null). */
  private void softmax(float[] values, float scale, float[] bias, int count, float[] out) {
    int w = lanes;
    for (int k = 0; k < count; k++) {
      float b = bias == null ? 0.0f : bias[k];
      for (int l = 0; l < w; l++) {
        out[k * w + l] = scale * values[k * w + l] + b;
      }
    }
    normaliseExponentials(out, 0, count);
  }

  /** In place: {@code values[offset + u] = softmax_u(scale * values[offset + u])} per lane. */
  private void softmaxSegment(float[] values, int offset, int count, float scale) {
    int w = lanes;
    for (int i = offset; i < offset + count * w; i++) {
      values[i] *= scale;
    }
    normaliseExponentials(values, offset, count);
  }

  private void normaliseExponentials(float[] values, int offset, int count) {
    int w = lanes;
    float[] max = laneA;
    float[] sum = laneB;
    java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(sum, 0.0f);
    for (int k = 0; k < count; k++) {
      for (int l = 0; l < w; l++) {
        max[l] = Math.max(max[l], values[offset + k * w + l]);
      }
    }
    for (int k = 0; k < count; k++) {
      for (int l = 0; l < w; l++) {
        float e = ScalarMath.exp(values[offset + k * w + l] - max[l]);
        values[offset + k * w + l] = e;
        sum[l] += e;
      }
    }
    for (int l = 0; l < w; l++) {
      sum[l] = 1.0f / sum[l];
    }
    for (int k = 0; k < count; k++) {
      for (int l = 0; l < w; l++) {
        values[offset + k * w + l] *= sum[l];
      }
    }
  }

  private void sumPolicies(float[] perPolicy, int[] policies, float[] out, int outOffset) {
    int w = lanes;
    for (int l = 0; l < w; l++) {
      out[outOffset + l] = 0.0f;
    }
    for (int k : policies) {
      for (int l = 0; l < w; l++) {
        out[outOffset + l] += perPolicy[k * w + l];
      }
    }
  }
}
