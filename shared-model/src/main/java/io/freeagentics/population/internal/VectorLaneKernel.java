package io.freeagentics.population.internal;

import io.freeagentics.jvm.JvmCapabilities;
import io.freeagentics.engine.SamplingMode;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API lane kernels: one vector holds one quantity of all agents of a block (one agent per lane), so every
 * operation is lane-wise and no horizontal reduction is needed. Products with the shared model use the
 * {@link LaneMatrix}'s form: a dense matrix is register-blocked like a BLAS micro-kernel (the accumulators of
 * {@link LaneMatrix#PANEL_ROWS} rows stay in registers while the kernel streams over the columns, loading each
 * input vector once per panel and broadcasting the matrix entries); sparse and background-plus-sparse matrices
 * visit only their non-zero (residual) entries. Logarithms and exponentials are {@link VectorMath}'s array functions; as
 * explained there, no vector value is passed to a method other than the tiny multiply-add helpers.
 */
final class VectorLaneKernel extends LaneKernel {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
  private static final int PANEL = LaneMatrix.PANEL_ROWS;
  private static final float GUARD = ScalarMath.LOG_GUARD;

  /** Predicted outcomes of one policy step, then their logarithms (rows of the largest matrix, padded). */
  private final float[] outcomes;
  private final float[] logOutcomes;
  /** Per lane: the offset of its observed row in A_0. */
  private final int[] rowOffsets;

  VectorLaneKernel(CompiledModel model) {
    super(SPECIES.length());
    int rows = Math.max(model.jointOutcomes, Math.max(model.jointStates, model.policyCount));
    int padded = LaneMatrix.panelCount(rows) * PANEL;
    outcomes = new float[padded * lanes];
    logOutcomes = new float[padded * lanes];
    rowOffsets = new int[lanes];
  }

  /** Lanes of the preferred float species on this JVM and hardware. */
  static int preferredLanes() {
    return SPECIES.length();
  }

  @Override
  String description() {
    return "vector " + SPECIES.vectorBitSize() + "-bit (" + lanes + " lanes), "
        + (JvmCapabilities.FMA ? "fma" : "mul+add");
  }

  @Override
  void singleFactorPosterior(CompiledModel model, WorkBlock block) {
    int w = lanes;
    int states = model.jointStates;
    float[] prior = block.prior;
    float[] beliefs = block.beliefs;
    if (block.initialPriorInUse) {
      float[] initial = model.initialBeliefsFloat;
      for (int s = 0; s < states; s++) {
        FloatVector.broadcast(SPECIES, initial[s]).intoArray(prior, s * w);
      }
    }
    FloatVector previous = FloatVector.fromArray(SPECIES, block.previousActionFloat, 0);
    float[] scratch = block.transitionScratch;
    for (int u = 0; u < block.actionInUse.length; u++) {
      if (!block.actionInUse[u]) {
        continue;
      }
      VectorMask<Float> lanesWithAction = previous.eq((float) u);
      LaneMatrix b = model.transitions[0][u];
      if (b.form == LaneMatrix.Form.SPARSE) {
        // Fused: each row's product goes straight into the lanes with this action.
        int[] columns = b.columns;
        float[] values = b.values;
        for (int s = 0; s < states; s++) {
          FloatVector acc = FloatVector.zero(SPECIES);
          for (int i = b.rowStart[s]; i < b.rowStart[s + 1]; i++) {
            acc = VectorMath.mulAdd(FloatVector.fromArray(SPECIES, beliefs, columns[i] * w), values[i], acc);
          }
          FloatVector.fromArray(SPECIES, prior, s * w).blend(acc, lanesWithAction).intoArray(prior, s * w);
        }
        continue;
      }
      multiply(b, beliefs, 0, scratch, 0);
      for (int s = 0; s < states; s++) {
        FloatVector moved = FloatVector.fromArray(SPECIES, scratch, s * w);
        FloatVector.fromArray(SPECIES, prior, s * w).blend(moved, lanesWithAction).intoArray(prior, s * w);
      }
    }
    // Modality 0 by gathers (A_0[o(l) * S + s] for every lane), the others by table lookups.
    float[] likelihood = block.likelihood;
    int[] rows = rowOffsets;
    for (int l = 0; l < w; l++) {
      rows[l] = block.observation[l] * states;
    }
    float[] a = model.likelihoodFloat[0];
    for (int s = 0; s < states; s++) {
      FloatVector.fromArray(SPECIES, a, s, rows, 0).intoArray(likelihood, s * w);
    }
    lookUpLikelihood(model, block, 1);
    FloatVector z = FloatVector.zero(SPECIES);
    for (int s = 0; s < states; s++) {
      FloatVector l = FloatVector.fromArray(SPECIES, likelihood, s * w).add(GUARD);
      FloatVector p = FloatVector.fromArray(SPECIES, prior, s * w).add(GUARD);
      FloatVector joint = l.mul(p);
      joint.intoArray(beliefs, s * w);
      z = z.add(joint);
    }
    FloatVector inverse = FloatVector.broadcast(SPECIES, 1.0f).div(z);
    for (int s = 0; s < states; s++) {
      FloatVector.fromArray(SPECIES, beliefs, s * w).mul(inverse).intoArray(beliefs, s * w);
    }
    float[] vfe = block.vfe;
    z.intoArray(vfe, 0);
    VectorMath.log(vfe, 0, vfe, 0, 1, 0.0f);
    FloatVector free = FloatVector.fromArray(SPECIES, vfe, 0).neg();
    if (model.modalities > 1) {
      // The prior is no longer needed: it takes ln(L + 1e-16).
      VectorMath.log(likelihood, 0, prior, 0, states, GUARD);
      float[] logSum = block.logLikelihoodSum;
      for (int s = 0; s < states; s++) {
        FloatVector q = FloatVector.fromArray(SPECIES, beliefs, s * w);
        FloatVector gap = FloatVector.fromArray(SPECIES, prior, s * w).sub(FloatVector.fromArray(SPECIES, logSum, s * w));
        free = VectorMath.mulAdd(q, gap, free);
      }
    }
    free.intoArray(vfe, 0);
  }

  @Override
  void multiply(LaneMatrix m, float[] in, int inOffset, float[] out, int outOffset) {
    int w = lanes;
    if (m.form == LaneMatrix.Form.SPARSE) {
      int[] columns = m.columns;
      float[] values = m.values;
      for (int r = 0; r < m.rows; r++) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = m.rowStart[r]; i < m.rowStart[r + 1]; i++) {
          acc = VectorMath.mulAdd(FloatVector.fromArray(SPECIES, in, inOffset + columns[i] * w), values[i], acc);
        }
        acc.intoArray(out, outOffset + r * w);
      }
      return;
    }
    if (m.form == LaneMatrix.Form.BACKGROUND) {
      FloatVector sum = FloatVector.zero(SPECIES);
      for (int c = 0; c < m.cols; c++) {
        sum = sum.add(FloatVector.fromArray(SPECIES, in, inOffset + c * w));
      }
      FloatVector base = sum.mul(m.background);
      int[] columns = m.residualColumns;
      float[] values = m.residualValues;
      for (int r = 0; r < m.rows; r++) {
        FloatVector acc = base;
        for (int i = m.residualRowStart[r]; i < m.residualRowStart[r + 1]; i++) {
          acc = VectorMath.mulAdd(FloatVector.fromArray(SPECIES, in, inOffset + columns[i] * w), values[i], acc);
        }
        acc.intoArray(out, outOffset + r * w);
      }
      return;
    }
    float[] panels = m.panels;
    int cols = m.cols;
    for (int r = 0, panel = 0; r < m.rows; r += PANEL, panel++) {
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      int e = panel * cols * PANEL;
      for (int c = 0, x = inOffset; c < cols; c++, x += w, e += PANEL) {
        FloatVector xv = FloatVector.fromArray(SPECIES, in, x);
        a0 = VectorMath.mulAdd(xv, panels[e], a0);
        a1 = VectorMath.mulAdd(xv, panels[e + 1], a1);
        a2 = VectorMath.mulAdd(xv, panels[e + 2], a2);
        a3 = VectorMath.mulAdd(xv, panels[e + 3], a3);
      }
      int target = outOffset + r * w;
      a0.intoArray(out, target);
      if (r + 1 < m.rows) {
        a1.intoArray(out, target + w);
      }
      if (r + 2 < m.rows) {
        a2.intoArray(out, target + 2 * w);
      }
      if (r + 3 < m.rows) {
        a3.intoArray(out, target + 3 * w);
      }
    }
  }

  @Override
  void addOutcomeTerms(LaneMatrix m, float[] x, int xOffset, float[] outcomeValues, float[] acc, int accOffset) {
    int w = lanes;
    int rows = m.rows;
    multiply(m, x, xOffset, outcomes, 0);
    VectorMath.log(outcomes, 0, logOutcomes, 0, rows, GUARD);
    FloatVector total = FloatVector.fromArray(SPECIES, acc, accOffset);
    for (int r = 0; r < rows; r++) {
      FloatVector q = FloatVector.fromArray(SPECIES, outcomes, r * w);
      FloatVector logQ = FloatVector.fromArray(SPECIES, logOutcomes, r * w);
      total = VectorMath.mulAdd(q, logQ.neg().add(outcomeValues[r]), total);
    }
    total.intoArray(acc, accOffset);
  }

  @Override
  void addDot(float[] values, float[] x, int xOffset, float[] acc, int accOffset) {
    FloatVector total = FloatVector.fromArray(SPECIES, acc, accOffset);
    for (int s = 0, xi = xOffset; s < values.length; s++, xi += lanes) {
      total = VectorMath.mulAdd(FloatVector.fromArray(SPECIES, x, xi), values[s], total);
    }
    total.intoArray(acc, accOffset);
  }

  @Override
  void outer(float[] a, int aOffset, int aLength, float[] b, int bOffset, int bLength, float[] out, int outOffset) {
    int w = lanes;
    for (int i = 0; i < aLength; i++) {
      FloatVector left = FloatVector.fromArray(SPECIES, a, aOffset + i * w);
      for (int j = 0; j < bLength; j++) {
        left.mul(FloatVector.fromArray(SPECIES, b, bOffset + j * w)).intoArray(out, outOffset + (i * bLength + j) * w);
      }
    }
  }

  @Override
  void policyAndActionProbabilities(CompiledModel model, WorkBlock block) {
    int w = lanes;
    int policies = model.policyCount;
    float[] posterior = block.policyPosterior;
    float[] negEfe = block.negEfe;
    for (int k = 0; k < policies; k++) {
      FloatVector.fromArray(SPECIES, negEfe, k * w).mul(model.gamma).add(model.logPolicyPrior[k])
          .intoArray(posterior, k * w);
    }
    VectorMath.softmax(posterior, 0, policies);
    float[] actions = block.actionProbabilities;
    if (model.samplingMode == SamplingMode.FULL) {
      float[] probabilities = block.policyProbabilities;
      VectorMath.log(posterior, 0, probabilities, 0, policies, GUARD);
      scale(probabilities, 0, policies, model.alpha);
      VectorMath.softmax(probabilities, 0, policies);
      for (int c = 0; c < model.controlLength; c++) {
        sumPolicies(probabilities, model.firstActionPolicies[c], actions, c * w);
      }
      return;
    }
    for (int f = 0; f < model.factors; f++) {
      int first = model.controlOffset[f];
      int controls = model.numControls[f];
      FloatVector total = FloatVector.zero(SPECIES);
      for (int u = 0; u < controls; u++) {
        sumPolicies(posterior, model.firstActionPolicies[first + u], actions, (first + u) * w);
        total = total.add(FloatVector.fromArray(SPECIES, actions, (first + u) * w));
      }
      FloatVector inverse = FloatVector.broadcast(SPECIES, 1.0f).div(total);
      for (int u = 0; u < controls; u++) {
        int at = (first + u) * w;
        FloatVector.fromArray(SPECIES, actions, at).mul(inverse).intoArray(actions, at);
      }
      VectorMath.log(actions, first * w, actions, first * w, controls, GUARD);
      scale(actions, first * w, controls, model.alpha);
      VectorMath.softmax(actions, first * w, controls);
    }
  }

  private void scale(float[] values, int offset, int vectors, float factor) {
    for (int v = 0; v < vectors; v++) {
      int at = offset + v * lanes;
      FloatVector.fromArray(SPECIES, values, at).mul(factor).intoArray(values, at);
    }
  }

  private void sumPolicies(float[] perPolicy, int[] policies, float[] out, int outOffset) {
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k : policies) {
      sum = sum.add(FloatVector.fromArray(SPECIES, perPolicy, k * lanes));
    }
    sum.intoArray(out, outOffset);
  }
}
