package io.freeagentics.engine;

import io.freeagentics.engine.internal.ActionProbabilities;
import io.freeagentics.engine.internal.Distributions;
import io.freeagentics.engine.internal.ExpectedFreeEnergy;
import io.freeagentics.engine.internal.JointStates;
import io.freeagentics.engine.internal.StateInference;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One Active Inference agent in double precision, computing exactly what pymdp 0.0.7.1 computes (the protocol of
 * {@code shared/fixtures/pymdp/README.md}): state inference, Dirichlet learning of A and B, expected free energy
 * and policy posterior, action probabilities. It is the correctness oracle of the project — plain code, no
 * shortcuts — against which the fast engines are tested. Not thread-safe: one agent, one thread.
 */
public final class ReferenceAgent {
  private final GenerativeModel model;
  private final AgentSettings settings;
  private final JointStates joint;
  private final StateInference inference;
  private final int[] numStates;
  private final int[] numObs;
  private final int[] numControls;
  private final double[][] lnC;
  private final double[] lnE;
  private final double[][] a;
  private final double[][] b;
  private final double[][] pA;
  private final double[][] pB;
  private double[][] qs;

  /**
   * @throws IllegalArgumentException when the settings ask to learn A or B but the model has no Dirichlet
   *     parameters for it
   */
  public ReferenceAgent(GenerativeModel model, AgentSettings settings) {
    if (model == null || settings == null) {
      throw new IllegalArgumentException("model and settings must not be null");
    }
    if (settings.learnA() && model.pA().isEmpty()) {
      throw new IllegalArgumentException("settings.learnA is true but model " + model.name() + " has no pA");
    }
    if (settings.learnB() && model.pB().isEmpty()) {
      throw new IllegalArgumentException("settings.learnB is true but model " + model.name() + " has no pB");
    }
    this.model = model;
    this.settings = settings;
    this.numStates = model.numStates();
    this.numObs = model.numObs();
    this.numControls = model.numControls();
    this.joint = new JointStates(numStates);
    this.inference = new StateInference(joint, settings.inferenceIterations(), settings.inferenceTolerance());
    this.a = arrays(model.a());
    this.b = arrays(model.b());
    this.pA = model.pA().map(ReferenceAgent::arrays).orElse(null);
    this.pB = model.pB().map(ReferenceAgent::arrays).orElse(null);
    this.lnC = new double[numObs.length][];
    for (int m = 0; m < numObs.length; m++) {
      lnC[m] = Distributions.lnTilde(Distributions.softmax(model.c(m).toArray()));
    }
    int policies = model.numPolicies();
    double[] e = model.e().map(Tensor::toArray).orElseGet(() -> {
      double[] uniform = new double[policies];
      Arrays.fill(uniform, 1.0 / policies);
      return uniform;
    });
    this.lnE = Distributions.lnTilde(e);
  }

  private static double[][] arrays(List<Tensor> tensors) {
    double[][] out = new double[tensors.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = tensors.get(i).toArray();
    }
    return out;
  }

  public GenerativeModel model() {
    return model;
  }

  public AgentSettings settings() {
    return settings;
  }

  /**
   * One perception step: infers the states behind {@code observation}, learns when enabled, and evaluates every
   * policy. Does not choose the action: pass it as {@code previousAction} of the next step (see
   * {@link #selectAction}).
   *
   * @param observation one outcome index per modality
   * @param previousAction the action taken since the last step, one per factor; {@code null} at the first step,
   *     when the prior is D
   * @throws IllegalArgumentException when an index is outside the model, or a previous action is given before any
   *     step
   */
  public StepResult step(int[] observation, int[] previousAction) {
    checkObservation(observation);
    if (previousAction != null) {
      checkAction(previousAction);
      if (qs == null) {
        throw new IllegalArgumentException("previousAction " + Arrays.toString(previousAction)
            + " given at the first step, which has no previous posterior");
      }
    }
    double[][] prior = new double[numStates.length][];
    for (int f = 0; f < numStates.length; f++) {
      prior[f] = previousAction == null ? model.d(f).toArray() : transition(f, previousAction[f], qs[f]);
    }
    double[] logLikelihood = new double[joint.size()];
    double[] logLikelihoodSum = new double[joint.size()];
    for (int s = 0; s < joint.size(); s++) {
      double product = 1.0;
      double sum = 0.0;
      for (int m = 0; m < numObs.length; m++) {
        double p = a[m][observation[m] * joint.size() + s];
        product *= p;
        sum += Distributions.lnTilde(p);
      }
      logLikelihood[s] = Distributions.lnTilde(product);
      logLikelihoodSum[s] = sum;
    }
    double[][] posterior = inference.infer(logLikelihood, prior);
    double vfe = inference.freeEnergy(posterior, prior, logLikelihoodSum);

    if (settings.learnA()) {
      learnA(observation, joint.product(posterior));
    }
    if (settings.learnB() && previousAction != null) {
      learnB(previousAction, posterior, qs);
    }
    qs = posterior;

    ExpectedFreeEnergy efe = new ExpectedFreeEnergy(joint, numStates, numObs, numControls, a, b, lnC,
        settings.useUtility(), settings.useStatesInfoGain(),
        settings.useParamInfoGain() ? pA : null, settings.useParamInfoGain() ? pB : null);
    List<Policy> policies = model.policies();
    double[] negEfe = new double[policies.size()];
    double[] logits = new double[policies.size()];
    for (int k = 0; k < policies.size(); k++) {
      negEfe[k] = efe.negEfe(posterior, policies.get(k));
      logits[k] = negEfe[k] * settings.gamma() + lnE[k];
    }
    double[] qPi = Distributions.softmax(logits);
    double[][] pAction = ActionProbabilities.compute(qPi, policies, numControls, settings.alpha(),
        settings.samplingMode());
    return new StepResult(copy(posterior), qPi, negEfe, pAction, vfe);
  }

  /**
   * The action to take after {@code result}: the most probable (DETERMINISTIC, near-ties within {@link ActionSelection#TIE_TOLERANCE} to the lowest index) or a draw
   * from {@code random} (STOCHASTIC); per factor in MARGINAL mode, as one whole policy in FULL mode.
   */
  public int[] selectAction(StepResult result, RandomGenerator random) {
    List<Policy> policies = model.policies();
    boolean draw = settings.actionSelection() == ActionSelection.STOCHASTIC;
    if (settings.samplingMode() == SamplingMode.FULL) {
      double[] weights = ActionProbabilities.policyProbabilities(result.qPi(), settings.alpha());
      Policy chosen = policies.get(draw ? sample(weights, random) : Distributions.firstNearMax(weights, ActionSelection.TIE_TOLERANCE));
      int[] action = new int[numStates.length];
      for (int f = 0; f < action.length; f++) {
        action[f] = chosen.action(0, f);
      }
      return action;
    }
    int[] action = new int[numStates.length];
    for (int f = 0; f < action.length; f++) {
      double[] p = result.pAction()[f];
      action[f] = draw ? sample(p, random) : Distributions.firstNearMax(p, ActionSelection.TIE_TOLERANCE);
    }
    return action;
  }

  private static int sample(double[] p, RandomGenerator random) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < p.length; i++) {
      cumulative += p[i];
      if (u < cumulative) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** The current posterior marginals, or empty before the first step. */
  public Optional<double[][]> posterior() {
    return Optional.ofNullable(qs).map(ReferenceAgent::copy);
  }

  /** The current Dirichlet counts of A (after learning), when the model has them. */
  public Optional<List<Tensor>> learnedPA() {
    return Optional.ofNullable(pA).map(counts -> tensors(counts, model.a()));
  }

  /** The current Dirichlet counts of B (after learning), when the model has them. */
  public Optional<List<Tensor>> learnedPB() {
    return Optional.ofNullable(pB).map(counts -> tensors(counts, model.b()));
  }

  /** Forgets the posterior: the next step starts from D again. Learnt parameters are kept. */
  public void reset() {
    qs = null;
  }

  private static List<Tensor> tensors(double[][] values, List<Tensor> shapes) {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(Tensor.of(shapes.get(i).shape(), values[i]));
    }
    return List.copyOf(out);
  }

  /** {@code pA[m] += lr · onehot(o_m) ⊗ q(s) · [A[m] > 0]}, then A[m] = pA[m] normalised over outcomes. */
  private void learnA(int[] observation, double[] qJoint) {
    int states = joint.size();
    for (int m = 0; m < numObs.length; m++) {
      int row = observation[m] * states;
      for (int s = 0; s < states; s++) {
        if (a[m][row + s] > 0) {
          pA[m][row + s] += settings.lrPA() * qJoint[s];
        }
      }
      a[m] = Distributions.normaliseColumns(pA[m], numObs[m]);
    }
  }

  /** {@code pB[f][:, :, u] += lr · q_f ⊗ qPrev_f · [B[f][:, :, u] > 0]}, then B[f] = pB[f] normalised. */
  private void learnB(int[] action, double[][] posterior, double[][] previousPosterior) {
    for (int f = 0; f < numStates.length; f++) {
      int n = numStates[f];
      int controls = numControls[f];
      for (int next = 0; next < n; next++) {
        for (int prev = 0; prev < n; prev++) {
          int i = (next * n + prev) * controls + action[f];
          if (b[f][i] > 0) {
            pB[f][i] += settings.lrPB() * posterior[f][next] * previousPosterior[f][prev];
          }
        }
      }
      b[f] = Distributions.normaliseColumns(pB[f], n);
    }
  }

  private double[] transition(int f, int u, double[] q) {
    return Distributions.transition(b[f], numStates[f], numControls[f], u, q);
  }

  private void checkObservation(int[] observation) {
    if (observation == null || observation.length != numObs.length) {
      throw new IllegalArgumentException("observation must have " + numObs.length + " entries (one per modality) but was "
          + Arrays.toString(observation));
    }
    for (int m = 0; m < numObs.length; m++) {
      if (observation[m] < 0 || observation[m] >= numObs[m]) {
        throw new IllegalArgumentException("observation[" + m + "] = " + observation[m]
            + " is outside the outcomes [0, " + numObs[m] + ") of modality " + m);
      }
    }
  }

  private void checkAction(int[] action) {
    if (action.length != numControls.length) {
      throw new IllegalArgumentException("previousAction must have " + numControls.length
          + " entries (one per factor) but was " + Arrays.toString(action));
    }
    for (int f = 0; f < numControls.length; f++) {
      if (action[f] < 0 || action[f] >= numControls[f]) {
        throw new IllegalArgumentException("previousAction[" + f + "] = " + action[f]
            + " is outside the controls [0, " + numControls[f] + ") of factor " + f);
      }
    }
  }

  private static double[][] copy(double[][] values) {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }
}
