package io.freeagentics.engine;

/**
 * How an agent infers and acts, with pymdp's names and defaults: precision {@code gamma} over policies,
 * precision {@code alpha} over actions, the fixed-point iteration's budget ({@code inferenceIterations}) and
 * stopping tolerance on the free energy ({@code inferenceTolerance}), which terms of the expected free energy
 * are used, whether A and B are learnt and at which rates, and how actions are chosen.
 */
public record AgentSettings(
    double gamma,
    double alpha,
    int inferenceIterations,
    double inferenceTolerance,
    boolean useUtility,
    boolean useStatesInfoGain,
    boolean useParamInfoGain,
    boolean learnA,
    boolean learnB,
    double lrPA,
    double lrPB,
    ActionSelection actionSelection,
    SamplingMode samplingMode) {

  public AgentSettings {
    requireFinite("gamma", gamma);
    requireFinite("alpha", alpha);
    requireFinite("inferenceTolerance", inferenceTolerance);
    requireFinite("lrPA", lrPA);
    requireFinite("lrPB", lrPB);
    if (gamma < 0) {
      throw new IllegalArgumentException("gamma must not be negative but was " + gamma);
    }
    if (alpha < 0) {
      throw new IllegalArgumentException("alpha must not be negative but was " + alpha);
    }
    if (inferenceIterations < 1) {
      throw new IllegalArgumentException("inferenceIterations must be at least 1 but was " + inferenceIterations);
    }
    if (inferenceTolerance < 0) {
      throw new IllegalArgumentException("inferenceTolerance must not be negative but was " + inferenceTolerance);
    }
    if (lrPA < 0 || lrPB < 0) {
      throw new IllegalArgumentException("learning rates must not be negative but were lrPA=" + lrPA + ", lrPB=" + lrPB);
    }
    if (actionSelection == null || samplingMode == null) {
      throw new IllegalArgumentException("actionSelection and samplingMode must not be null");
    }
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite but was " + value);
    }
  }

  /** pymdp's defaults: gamma 16, alpha 16, 10 iterations, tolerance 0.001, utility and state information
   *  gain, no learning, deterministic marginal action selection. */
  public static AgentSettings defaults() {
    return new AgentSettings(16.0, 16.0, 10, 0.001, true, true, false, false, false, 1.0, 1.0,
        ActionSelection.DETERMINISTIC, SamplingMode.MARGINAL);
  }

  public AgentSettings withGamma(double value) {
    return new AgentSettings(value, alpha, inferenceIterations, inferenceTolerance, useUtility, useStatesInfoGain,
        useParamInfoGain, learnA, learnB, lrPA, lrPB, actionSelection, samplingMode);
  }

  public AgentSettings withAlpha(double value) {
    return new AgentSettings(gamma, value, inferenceIterations, inferenceTolerance, useUtility, useStatesInfoGain,
        useParamInfoGain, learnA, learnB, lrPA, lrPB, actionSelection, samplingMode);
  }

  public AgentSettings withLearning(boolean a, boolean b) {
    return new AgentSettings(gamma, alpha, inferenceIterations, inferenceTolerance, useUtility, useStatesInfoGain,
        useParamInfoGain, a, b, lrPA, lrPB, actionSelection, samplingMode);
  }

  public AgentSettings withParamInfoGain(boolean value) {
    return new AgentSettings(gamma, alpha, inferenceIterations, inferenceTolerance, useUtility, useStatesInfoGain,
        value, learnA, learnB, lrPA, lrPB, actionSelection, samplingMode);
  }

  public AgentSettings withActionSelection(ActionSelection value) {
    return new AgentSettings(gamma, alpha, inferenceIterations, inferenceTolerance, useUtility, useStatesInfoGain,
        useParamInfoGain, learnA, learnB, lrPA, lrPB, value, samplingMode);
  }
}
