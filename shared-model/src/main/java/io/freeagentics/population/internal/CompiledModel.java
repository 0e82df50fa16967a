package io.freeagentics.population.internal;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A generative model and the agents' settings compiled once into the tables every agent step reads. Everything
 * shared by all agents is precomputed here, in double and then rounded to float:
 * <ul>
 *   <li>belief update: {@code D} per factor, {@code B_f[:, :, u]} as {@link LaneMatrix} (sparse or dense, chosen
 *       by density), {@code A_m} rows by outcome ({@code A_m[o, s]} at {@code o * S + s}, joint state {@code s}
 *       in C order) and, for several modalities, {@code ln~(A_m)};</li>
 *   <li>expected free energy on the joint state space ({@code S = prod S_f}) and joint outcome space
 *       ({@code O = prod O_m}): {@code A_joint[o, s] = prod_m A_m[o_m, s]}, the per-state term
 *       {@link #stateValues} ({@code negH(s) = sum_o A_joint ln(A_joint + e^-16)} with state information gain,
 *       otherwise the expected utility {@code A_joint^T lnC}), and {@link #outcomeValues} = {@code lnC_joint} (or 0
 *       without utility); for one factor also {@code M_u = A_joint B_u} and {@code B_u^T stateValues}, so that a
 *       policy's first step is one product with the beliefs;</li>
 *   <li>policies: the {@link PolicyTree}, {@code ln~(E)}, and for each factor and control the policies whose first
 *       action it is.</li>
 * </ul>
 * pymdp restricts the state-information-gain sums to joint states with predicted probability above
 * {@code e^-16}; this engine sums over all states. The neglected terms are below {@code S * e^-16 * ln O}, under
 * 1e-5 in the expected free energy for every supported size.
 */
final class CompiledModel {
  /** Largest joint state space and joint outcome space. */
  static final int MAX_JOINT_SIZE = 65_536;
  /** Largest number of entries of the joint likelihood {@code A_joint} (joint outcomes x joint states). */
  static final long MAX_JOINT_LIKELIHOOD_ENTRIES = 1L << 24;
  /** Budget (entries) for the per-action products {@code A_joint B_u} of single-factor models. */
  static final long MAX_ACTION_MATRIX_ENTRIES = 1L << 22;
  static final double LOG_GUARD = 1e-16;
  static final double INFO_GAIN_GUARD = Math.exp(-16.0);

  final int factors;
  final int modalities;
  final int[] numStates;
  final int[] numObs;
  final int[] numControls;
  final int jointStates;
  final int jointOutcomes;
  /** Offset of factor {@code f}'s marginal in an agent's concatenated marginals. */
  final int[] stateOffset;
  final int marginalLength;
  /** Offset of factor {@code f}'s controls in an agent's concatenated action probabilities. */
  final int[] controlOffset;
  final int controlLength;
  final int policyCount;
  final int policyLength;

  final double[][] initialBeliefs;
  final float[] initialBeliefsFloat;
  /** {@code transitions[f][u]} is {@code B_f[:, :, u]} (rows: next state, columns: previous state). */
  final LaneMatrix[][] transitions;
  final boolean sparseTransitions;
  final double[][] likelihood;
  final float[][] likelihoodFloat;
  final double[][] logLikelihood;
  final float[][] logLikelihoodFloat;

  final boolean stateInfoGain;
  final boolean utility;
  /** {@code A_joint} (rows: joint outcome), or {@code null} without state information gain. */
  final LaneMatrix outcomeMatrix;
  /** Per joint outcome, padded with zeros to whole panels. */
  final float[] outcomeValues;
  /** Per joint state, or {@code null} when every policy's value is 0 (neither utility nor information gain). */
  final float[] stateValues;
  /** For single-factor models within budget: {@code A_joint B_u} per action, else {@code null}. */
  final LaneMatrix[] actionOutcomeMatrices;
  /** For single-factor models: {@code B_u^T stateValues} per action (null entries when stateValues is null). */
  final float[][] actionStateValues;

  final PolicyTree policyTree;
  final float[] logPolicyPrior;
  /** {@code firstActionPolicies[controlOffset[f] + u]}: the policies whose first action on factor f is u. */
  final int[][] firstActionPolicies;
  /** {@code firstActions[k][f]}: policy k's first action on factor f. */
  final int[][] firstActions;

  final float gamma;
  final float alpha;
  final int inferenceIterations;
  final double inferenceTolerance;
  final SamplingMode samplingMode;
  final ActionSelection actionSelection;

  private CompiledModel(GenerativeModel model, AgentSettings settings) {
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

    initialBeliefs = new double[factors][];
    initialBeliefsFloat = new float[marginalLength];
    transitions = new LaneMatrix[factors][];
    boolean allSparse = true;
    for (int f = 0; f < factors; f++) {
      initialBeliefs[f] = model.d(f).toArray();
      for (int s = 0; s < numStates[f]; s++) {
        initialBeliefsFloat[stateOffset[f] + s] = (float) initialBeliefs[f][s];
      }
      transitions[f] = new LaneMatrix[numControls[f]];
      for (int u = 0; u < numControls[f]; u++) {
        transitions[f][u] = LaneMatrix.of(numStates[f], numStates[f], transitionSlice(model.b(f), u));
        allSparse &= !transitions[f][u].isDense();
      }
    }
    sparseTransitions = allSparse;

    likelihood = new double[modalities][];
    likelihoodFloat = new float[modalities][];
    logLikelihood = new double[modalities][];
    logLikelihoodFloat = new float[modalities][];
    for (int m = 0; m < modalities; m++) {
      likelihood[m] = model.a(m).toArray();
      likelihoodFloat[m] = toFloat(likelihood[m]);
      logLikelihood[m] = new double[likelihood[m].length];
      for (int i = 0; i < likelihood[m].length; i++) {
        logLikelihood[m][i] = Math.log(likelihood[m][i] + LOG_GUARD);
      }
      logLikelihoodFloat[m] = toFloat(logLikelihood[m]);
    }

    stateInfoGain = settings.useStatesInfoGain();
    utility = settings.useUtility();
    double[] logPreferences = jointLogPreferences(model);
    double[] joint = null;
    double[] perState = null;
    if (stateInfoGain) {
      joint = jointLikelihood();
      outcomeMatrix = LaneMatrix.of(jointOutcomes, jointStates, joint);
      outcomeValues = new float[LaneMatrix.panelCount(jointOutcomes) * LaneMatrix.PANEL_ROWS];
      if (utility) {
        for (int o = 0; o < jointOutcomes; o++) {
          outcomeValues[o] = (float) logPreferences[o];
        }
      }
      perState = negativeAmbiguity(joint);
    } else {
      outcomeMatrix = null;
      outcomeValues = new float[0];
      perState = utility ? expectedUtility(model) : null;
    }
    stateValues = perState == null ? null : toFloat(perState);
    actionOutcomeMatrices = factors == 1 ? actionMatrices(joint) : null;
    actionStateValues = factors == 1 ? actionStateValues(perState) : null;

    List<Policy> policies = model.policies();
    policyTree = PolicyTree.of(policies);
    logPolicyPrior = new float[policyCount];
    if (model.e().isPresent()) {
      Tensor e = model.e().get();
      for (int k = 0; k < policyCount; k++) {
        logPolicyPrior[k] = (float) Math.log(e.at(k) + LOG_GUARD);
      }
    }
    firstActions = new int[policyCount][factors];
    List<List<Integer>> byFirstAction = new ArrayList<>();
    for (int i = 0; i < controlLength; i++) {
      byFirstAction.add(new ArrayList<>());
    }
    for (int k = 0; k < policyCount; k++) {
      for (int f = 0; f < factors; f++) {
        int u = policies.get(k).action(0, f);
        firstActions[k][f] = u;
        byFirstAction.get(controlOffset[f] + u).add(k);
      }
    }
    firstActionPolicies = new int[controlLength][];
    for (int i = 0; i < controlLength; i++) {
      firstActionPolicies[i] = byFirstAction.get(i).stream().mapToInt(Integer::intValue).toArray();
    }

    gamma = (float) settings.gamma();
    alpha = (float) settings.alpha();
    inferenceIterations = settings.inferenceIterations();
    inferenceTolerance = settings.inferenceTolerance();
    samplingMode = settings.samplingMode();
    actionSelection = settings.actionSelection();
  }

  /**
   * Compiles {@code model} for agents with {@code settings}.
   *
   * @throws IllegalArgumentException when the settings ask for learning or parameter information gain, or the
   *     model is too large for the population engine
   */
  static CompiledModel compile(GenerativeModel model, AgentSettings settings) {
    if (settings.learnA()) {
      throw new IllegalArgumentException("settings.learnA is true, but agents of a population share one model and "
          + "cannot learn it per agent; use io.freeagentics.engine.ReferenceAgent for learning agents");
    }
    if (settings.learnB()) {
      throw new IllegalArgumentException("settings.learnB is true, but agents of a population share one model and "
          + "cannot learn it per agent; use io.freeagentics.engine.ReferenceAgent for learning agents");
    }
    if (settings.useParamInfoGain()) {
      throw new IllegalArgumentException("settings.useParamInfoGain is true, but a population does not learn, so "
          + "there is no parameter information to gain; use io.freeagentics.engine.ReferenceAgent");
    }
    return new CompiledModel(model, settings);
  }

  /** The joint state index's digit of {@code factor}. */
  int stateDigit(int jointState, int factor) {
    int stride = 1;
    for (int g = factors - 1; g > factor; g--) {
      stride *= numStates[g];
    }
    return (jointState / stride) % numStates[factor];
  }

  private static int checkedProduct(String what, int[] sizes) {
    long product = 1;
    for (int size : sizes) {
      product *= size;
      if (product > MAX_JOINT_SIZE) {
        throw new IllegalArgumentException(what + " exceeds " + MAX_JOINT_SIZE + " (sizes "
            + java.util.Arrays.toString(sizes) + "); the population engine evaluates policies on the joint space");
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

  private static double[] transitionSlice(Tensor b, int u) {
    int states = b.dim(0);
    int controls = b.dim(2);
    double[] slice = new double[states * states];
    for (int next = 0; next < states; next++) {
      for (int prev = 0; prev < states; prev++) {
        slice[next * states + prev] = b.at((next * states + prev) * controls + u);
      }
    }
    return slice;
  }

  private static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }

  /** Digit of modality {@code m} in the joint outcome index (C order, last modality fastest). */
  private int outcomeDigit(int jointOutcome, int modality) {
    int stride = 1;
    for (int n = modalities - 1; n > modality; n--) {
      stride *= numObs[n];
    }
    return (jointOutcome / stride) % numObs[modality];
  }

  private double[] jointLikelihood() {
    long entries = (long) jointOutcomes * jointStates;
    if (entries > MAX_JOINT_LIKELIHOOD_ENTRIES) {
      throw new IllegalArgumentException("joint likelihood would have " + entries + " entries (joint outcomes "
          + jointOutcomes + " x joint states " + jointStates + "), more than " + MAX_JOINT_LIKELIHOOD_ENTRIES
          + "; state information gain is evaluated on it");
    }
    double[] joint = new double[(int) entries];
    for (int o = 0; o < jointOutcomes; o++) {
      for (int s = 0; s < jointStates; s++) {
        double p = 1.0;
        for (int m = 0; m < modalities && p != 0.0; m++) {
          p *= likelihood[m][outcomeDigit(o, m) * jointStates + s];
        }
        joint[o * jointStates + s] = p;
      }
    }
    return joint;
  }

  private double[] negativeAmbiguity(double[] joint) {
    double[] values = new double[jointStates];
    for (int s = 0; s < jointStates; s++) {
      double sum = 0.0;
      for (int o = 0; o < jointOutcomes; o++) {
        double p = joint[o * jointStates + s];
        sum += p * Math.log(p + INFO_GAIN_GUARD);
      }
      values[s] = sum;
    }
    return values;
  }

  /** {@code ln~(softmax(C_m))} per modality, summed over the modalities of each joint outcome. */
  private double[] jointLogPreferences(GenerativeModel model) {
    double[][] perModality = logPreferences(model);
    double[] joint = new double[jointOutcomes];
    for (int o = 0; o < jointOutcomes; o++) {
      double sum = 0.0;
      for (int m = 0; m < modalities; m++) {
        sum += perModality[m][outcomeDigit(o, m)];
      }
      joint[o] = sum;
    }
    return joint;
  }

  private double[][] logPreferences(GenerativeModel model) {
    double[][] result = new double[modalities][];
    for (int m = 0; m < modalities; m++) {
      double[] c = model.c(m).toArray();
      double max = Double.NEGATIVE_INFINITY;
      for (double value : c) {
        max = Math.max(max, value);
      }
      double sum = 0.0;
      for (double value : c) {
        sum += Math.exp(value - max);
      }
      result[m] = new double[c.length];
      for (int o = 0; o < c.length; o++) {
        result[m][o] = Math.log(Math.exp(c[o] - max) / sum + LOG_GUARD);
      }
    }
    return result;
  }

  /** {@code sum_m A_m^T ln~(softmax(C_m))}: the utility of each joint state, separable over modalities. */
  private double[] expectedUtility(GenerativeModel model) {
    double[][] logC = logPreferences(model);
    double[] values = new double[jointStates];
    for (int m = 0; m < modalities; m++) {
      for (int o = 0; o < numObs[m]; o++) {
        for (int s = 0; s < jointStates; s++) {
          values[s] += likelihood[m][o * jointStates + s] * logC[m][o];
        }
      }
    }
    return values;
  }

  private LaneMatrix[] actionMatrices(double[] joint) {
    if (joint == null || (long) numControls[0] * jointOutcomes * jointStates > MAX_ACTION_MATRIX_ENTRIES) {
      return null;
    }
    LaneMatrix[] result = new LaneMatrix[numControls[0]];
    int states = jointStates;
    for (int u = 0; u < numControls[0]; u++) {
      LaneMatrix b = transitions[0][u];
      double[] product = new double[jointOutcomes * states];
      for (int next = 0; next < states; next++) {
        for (int i = b.rowStart[next]; i < b.rowStart[next + 1]; i++) {
          int prev = b.columns[i];
          double weight = b.valuesDouble[i];
          for (int o = 0; o < jointOutcomes; o++) {
            product[o * states + prev] += joint[o * states + next] * weight;
          }
        }
      }
      result[u] = LaneMatrix.of(jointOutcomes, states, product);
    }
    return result;
  }

  private float[][] actionStateValues(double[] stateValues) {
    float[][] result = new float[numControls[0]][];
    if (stateValues == null) {
      return result;
    }
    for (int u = 0; u < numControls[0]; u++) {
      LaneMatrix b = transitions[0][u];
      double[] values = new double[jointStates];
      for (int next = 0; next < jointStates; next++) {
        for (int i = b.rowStart[next]; i < b.rowStart[next + 1]; i++) {
          values[b.columns[i]] += b.valuesDouble[i] * stateValues[next];
        }
      }
      result[u] = toFloat(values);
    }
    return result;
  }
}
