package io.freeagentics.engine.internal;

import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.Policy;
import java.util.List;

/** Action probabilities per factor from the policy posterior, as pymdp's marginal and full sampling modes. */
public final class ActionProbabilities {
  private ActionProbabilities() {}

  /**
   * MARGINAL: {@code softmax(alpha · ln~(marg_f))} with {@code marg_f[u] = Σ_k q_pi[k] [policy_k[0][f] = u]}
   * normalised. FULL: the marginals of {@link #policyProbabilities} over each policy's first action.
   */
  public static double[][] compute(double[] qPi, List<Policy> policies, int[] numControls, double alpha,
      SamplingMode mode) {
    double[] weights = mode == SamplingMode.FULL ? policyProbabilities(qPi, alpha) : qPi;
    double[][] out = new double[numControls.length][];
    for (int f = 0; f < numControls.length; f++) {
      double[] marginal = new double[numControls[f]];
      for (int k = 0; k < policies.size(); k++) {
        marginal[policies.get(k).action(0, f)] += weights[k];
      }
      double sum = 0;
      for (double v : marginal) {
        sum += v;
      }
      for (int u = 0; u < marginal.length; u++) {
        marginal[u] /= sum;
      }
      if (mode == SamplingMode.FULL) {
        out[f] = marginal;
      } else {
        double[] logits = Distributions.lnTilde(marginal);
        for (int u = 0; u < logits.length; u++) {
          logits[u] *= alpha;
        }
        out[f] = Distributions.softmax(logits);
      }
    }
    return out;
  }

  /** {@code softmax(alpha · ln~(q_pi))}: how FULL sampling weighs whole policies. */
  public static double[] policyProbabilities(double[] qPi, double alpha) {
    double[] logits = Distributions.lnTilde(qPi);
    for (int k = 0; k < logits.length; k++) {
      logits[k] *= alpha;
    }
    return Distributions.softmax(logits);
  }
}
