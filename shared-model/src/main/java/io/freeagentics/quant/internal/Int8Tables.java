package io.freeagentics.quant.internal;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Policy;
import io.freeagentics.quant.LogCodec;
import io.freeagentics.quant.QuantizedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * What every agent step reads, compiled once from a {@link QuantizedModel} and the agents' settings:
 * <ul>
 *   <li>belief update: the 8-bit codes of {@code A[m]} as they are (rows by outcome, {@code o * S + s}, joint state
 *       {@code s} in C order) plus, per joint state, the log of the column normalisers in code steps
 *       ({@link #likelihoodOffset}, nats), so that {@code -ln A'[o, s] = distance(code) + offset}; the de-quantized
 *       {@code B_f[:, :, u]} in compressed rows and {@code D_f};</li>
 *   <li>expected free energy, in float from the de-quantized model: {@code A_joint} (joint outcomes x joint
 *       states, dense and, where it saves work, as a {@link BackgroundMatrix}) with state information gain,
 *       {@code ln~softmax(C)} per joint outcome, and per joint state the negative ambiguity (or the expected
 *       utility without information gain);</li>
 *   <li>policies: actions {@code [k][t][f]}, {@code ln~E}, the policies of each first action.</li>
 * </ul>
 */
final class Int8Tables {
  static final int MAX_JOINT_SIZE = 65_536;
  static final long MAX_JOINT_LIKELIHOOD_ENTRIES = 1L << 24;
  static final float LOG_GUARD = 1e-16f;
  static final double INFO_GAIN_GUARD = Math.exp(-16.0);

  final int factors;
  final int modalities;
  final int[] numStates;
  final int[] numObs;
  final int[] numControls;
  final int jointStates;
  final int jointOutcomes;
  final int[] stateOffset;
  final int marginalLength;
  final int[] controlOffset;
  final int controlLength;
  final int policyCount;
  final int policyLength;

  /** {@code likelihoodCodes[m][o * S + s]}: the 8-bit code of {@code A_m[o, s]}. */
  final byte[][] likelihoodCodes;
  /** Per joint state: {@code sum_m ln(Z_m(s))} in nats, Z the column sum of the decoded codes. */
  final float[] likelihoodOffset;
  final float[] initialBeliefs;
  /** {@code transitionRowStart[f][u]} etc.: the de-quantized B_f[:, :, u] in compressed rows (next state rows). */
  final int[][][] transitionRowStart;
  final int[][][] transitionColumns;
  final float[][][] transitionValues;

  final boolean stateInfoGain;
  /** Dense {@code A_joint[o * S + s]}, or null without state information gain. */
  final float[] outcomeMatrix;
  /** {@link #outcomeMatrix} in background form when that saves work, else null. */
  final BackgroundMatrix outcomeBackground;
  /** {@code ln~softmax(C)} per joint outcome with utility and information gain, else zeros. */
  final float[] outcomeValues;
  /** Per joint state, or null when neither utility nor information gain is used. */
  final float[] stateValues;
  /**
   * One factor, one-step policies, background-form likelihood that stays so after every {@code B_u}: per action
   * {@code u}, {@code A_joint B_u} in background form (null entries without information gain), so that a policy's
   * value is one product with the current beliefs; else null.
   */
  final BackgroundMatrix[] actionOutcomes;
  /** With {@link #actionOutcomes}: per action, {@code B_u^T stateValues} (null entries without state values). */
  final float[][] actionStateValues;

  final int[][][] policyActions;
  final float[] logPolicyPrior;
  final int[][] firstActionPolicies;
  final float gamma;
  final float alpha;
  final int inferenceIterations;
  final double inferenceTolerance;
  final SamplingMode samplingMode;
  final ActionSelection actionSelection;

  private Int8Tables(QuantizedModel quantized, AgentSettings settings) {
    GenerativeModel model = quantized.dequantized();
    factors = model.numFactors();
    modalities = model.numModalities();
    numStates = model.numStates();
    numObs = model.numObs();
    numControls = model.numControls();
    jointStates = checkedProduct("joint state space (product of numStates)", numStates);
    jointOutcomes = checkedProduct("joint outcome space (product of numObs)", numObs);
    stateOffset = offsets(numStates);
    marginalLength = stateOffset[factors];
    controlOffset = offsets(numControls);
    controlLength = controlOffset[factors];
    policyCount = model.numPolicies();
    policyLength = model.policyLength();

    likelihoodCodes = new byte[modalities][];
    likelihoodOffset = new float[jointStates];
    for (int m = 0; m < modalities; m++) {
      likelihoodCodes[m] = quantized.aCodes(m);
      for (int s = 0; s < jointStates; s++) {
        double sum = 0.0;
        for (int o = 0; o < numObs[m]; o++) {
          sum += LogCodec.ratio(likelihoodCodes[m][o * jointStates + s]);
        }
        likelihoodOffset[s] += (float) Math.log(sum);
      }
    }
    initialBeliefs = new float[marginalLength];
    transitionRowStart = new int[factors][][];
    transitionColumns = new int[factors][][];
    transitionValues = new float[factors][][];
    for (int f = 0; f < factors; f++) {
      double[] d = model.d(f).toArray();
      for (int s = 0; s < numStates[f]; s++) {
        initialBeliefs[stateOffset[f] + s] = (float) d[s];
      }
      compileTransitions(f, model.b(f).toArray());
    }

    stateInfoGain = settings.useStatesInfoGain();
    boolean utility = settings.useUtility();
    double[][] likelihood = new double[modalities][];
    for (int m = 0; m < modalities; m++) {
      likelihood[m] = model.a(m).toArray();
    }
    double[][] logC = logPreferences(model);
    if (stateInfoGain) {
      long entries = (long) jointOutcomes * jointStates;
      if (entries > MAX_JOINT_LIKELIHOOD_ENTRIES) {
        throw new IllegalArgumentException("joint likelihood would have " + entries + " entries (joint outcomes "
            + jointOutcomes + " x joint states " + jointStates + "), more than " + MAX_JOINT_LIKELIHOOD_ENTRIES);
      }
      outcomeMatrix = new float[(int) entries];
      outcomeValues = new float[jointOutcomes];
      stateValues = new float[jointStates];
      for (int o = 0; o < jointOutcomes; o++) {
        double lnC = 0.0;
        for (int m = 0; m < modalities; m++) {
          lnC += logC[m][outcomeDigit(o, m)];
        }
        outcomeValues[o] = utility ? (float) lnC : 0.0f;
      }
      double[] negH = new double[jointStates];
      for (int o = 0; o < jointOutcomes; o++) {
        for (int s = 0; s < jointStates; s++) {
          double p = 1.0;
          for (int m = 0; m < modalities && p != 0.0; m++) {
            p *= likelihood[m][outcomeDigit(o, m) * jointStates + s];
          }
          outcomeMatrix[o * jointStates + s] = (float) p;
          negH[s] += p * Math.log(p + INFO_GAIN_GUARD);
        }
      }
      for (int s = 0; s < jointStates; s++) {
        stateValues[s] = (float) negH[s];
      }
      outcomeBackground = BackgroundMatrix.of(outcomeMatrix, jointOutcomes, jointStates);
    } else {
      outcomeMatrix = null;
      outcomeBackground = null;
      outcomeValues = new float[0];
      if (utility) {
        stateValues = new float[jointStates];
        for (int m = 0; m < modalities; m++) {
          for (int o = 0; o < numObs[m]; o++) {
            for (int s = 0; s < jointStates; s++) {
              stateValues[s] += (float) (likelihood[m][o * jointStates + s] * logC[m][o]);
            }
          }
        }
      } else {
        stateValues = null;
      }
    }

    BackgroundMatrix[] perActionOutcomes = null;
    float[][] perActionStateValues = null;
    if (factors == 1 && policyLength == 1 && (outcomeMatrix == null || outcomeBackground != null)) {
      perActionOutcomes = new BackgroundMatrix[numControls[0]];
      perActionStateValues = new float[numControls[0]][];
      for (int u = 0; u < numControls[0] && perActionOutcomes != null; u++) {
        perActionStateValues[u] = stateValues == null ? null : afterAction(stateValues, u);
        if (outcomeMatrix != null) {
          perActionOutcomes[u] = BackgroundMatrix.of(afterAction(outcomeMatrix, u), jointOutcomes, jointStates);
          if (perActionOutcomes[u] == null) {
            // B_u mixed the rows too much for the background form: evaluate policies step by step instead.
            perActionOutcomes = null;
            perActionStateValues = null;
          }
        }
      }
    }
    actionOutcomes = perActionOutcomes;
    actionStateValues = perActionStateValues;

    List<Policy> policies = model.policies();
    policyActions = new int[policyCount][policyLength][factors];
    List<List<Integer>> byFirstAction = new ArrayList<>();
    for (int i = 0; i < controlLength; i++) {
      byFirstAction.add(new ArrayList<>());
    }
    for (int k = 0; k < policyCount; k++) {
      for (int t = 0; t < policyLength; t++) {
        for (int f = 0; f < factors; f++) {
          policyActions[k][t][f] = policies.get(k).action(t, f);
        }
      }
      for (int f = 0; f < factors; f++) {
        byFirstAction.get(controlOffset[f] + policyActions[k][0][f]).add(k);
      }
    }
    firstActionPolicies = new int[controlLength][];
    for (int i = 0; i < controlLength; i++) {
      firstActionPolicies[i] = byFirstAction.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    logPolicyPrior = new float[policyCount];
    if (model.e().isPresent()) {
      for (int k = 0; k < policyCount; k++) {
        logPolicyPrior[k] = (float) Math.log(model.e().get().at(k) + 1e-16);
      }
    }
    gamma = (float) settings.gamma();
    alpha = (float) settings.alpha();
    inferenceIterations = settings.inferenceIterations();
    inferenceTolerance = settings.inferenceTolerance();
    samplingMode = settings.samplingMode();
    actionSelection = settings.actionSelection();
  }

  /**
   * Compiles the tables.
   *
   * @throws IllegalArgumentException when the settings ask for learning or parameter information gain, or the
   *     joint spaces are too large
   */
  static Int8Tables compile(QuantizedModel model, AgentSettings settings) {
    if (settings.learnA() || settings.learnB()) {
      throw new IllegalArgumentException("settings ask for learning (learnA " + settings.learnA() + ", learnB "
          + settings.learnB() + "), but int8 agents share one quantized model and cannot learn it");
    }
    if (settings.useParamInfoGain()) {
      throw new IllegalArgumentException("settings.useParamInfoGain is true, but int8 agents do not learn, so there "
          + "is no parameter information to gain");
    }
    return new Int8Tables(model, settings);
  }

  private void compileTransitions(int f, double[] b) {
    int states = numStates[f];
    int controls = numControls[f];
    transitionRowStart[f] = new int[controls][];
    transitionColumns[f] = new int[controls][];
    transitionValues[f] = new float[controls][];
    for (int u = 0; u < controls; u++) {
      int[] rowStart = new int[states + 1];
      List<Integer> columns = new ArrayList<>();
      List<Float> values = new ArrayList<>();
      for (int next = 0; next < states; next++) {
        for (int prev = 0; prev < states; prev++) {
          double v = b[(next * states + prev) * controls + u];
          if (v != 0.0) {
            columns.add(prev);
            values.add((float) v);
          }
        }
        rowStart[next + 1] = columns.size();
      }
      transitionRowStart[f][u] = rowStart;
      transitionColumns[f][u] = columns.stream().mapToInt(Integer::intValue).toArray();
      float[] packed = new float[values.size()];
      for (int i = 0; i < packed.length; i++) {
        packed[i] = values.get(i);
      }
      transitionValues[f][u] = packed;
    }
  }

  /** Row-major {@code rows x S} matrix times the single factor's {@code B_u}: {@code M'[r, prev] = sum_next
   *  M[r, next] B[next, prev, u]} (a vector is one row). */
  private float[] afterAction(float[] matrix, int u) {
    int states = numStates[0];
    int rows = matrix.length / states;
    float[] result = new float[matrix.length];
    int[] rowStart = transitionRowStart[0][u];
    int[] columns = transitionColumns[0][u];
    float[] values = transitionValues[0][u];
    for (int r = 0; r < rows; r++) {
      for (int next = 0; next < states; next++) {
        float m = matrix[r * states + next];
        for (int i = rowStart[next]; i < rowStart[next + 1]; i++) {
          result[r * states + columns[i]] += m * values[i];
        }
      }
    }
    return result;
  }

  /** {@code out[next] = sum_prev B_f[next, prev, u] in[inOffset + prev]}. */
  void transition(int f, int u, float[] in, int inOffset, float[] out, int outOffset) {
    int[] rowStart = transitionRowStart[f][u];
    int[] columns = transitionColumns[f][u];
    float[] values = transitionValues[f][u];
    for (int next = 0; next < numStates[f]; next++) {
      float sum = 0.0f;
      for (int i = rowStart[next]; i < rowStart[next + 1]; i++) {
        sum += values[i] * in[inOffset + columns[i]];
      }
      out[outOffset + next] = sum;
    }
  }

  private int outcomeDigit(int jointOutcome, int modality) {
    int stride = 1;
    for (int n = modalities - 1; n > modality; n--) {
      stride *= numObs[n];
    }
    return (jointOutcome / stride) % numObs[modality];
  }

  private static double[][] logPreferences(GenerativeModel model) {
    double[][] result = new double[model.numModalities()][];
    for (int m = 0; m < model.numModalities(); m++) {
      double[] c = model.c(m).toArray();
      double max = Double.NEGATIVE_INFINITY;
      for (double v : c) {
        max = Math.max(max, v);
      }
      double sum = 0.0;
      for (double v : c) {
        sum += Math.exp(v - max);
      }
      result[m] = new double[c.length];
      for (int o = 0; o < c.length; o++) {
        result[m][o] = Math.log(Math.exp(c[o] - max) / sum + 1e-16);
      }
    }
    return result;
  }

  private static int checkedProduct(String what, int[] sizes) {
    long product = 1;
    for (int size : sizes) {
      product *= size;
      if (product > MAX_JOINT_SIZE) {
        throw new IllegalArgumentException(what + " exceeds " + MAX_JOINT_SIZE + " (sizes "
            + java.util.Arrays.toString(sizes) + "); the int8 engine evaluates policies on the joint space");
      }
    }
    return (int) product;
  }

  private static int[] offsets(int[] sizes) {
    int[] offsets = new int[sizes.length + 1];
    for (int i = 0; i < sizes.length; i++) {
      offsets[i + 1] = offsets[i] + sizes[i];
    }
    return offsets;
  }
}
