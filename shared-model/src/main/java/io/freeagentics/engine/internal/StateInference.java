package io.freeagentics.engine.internal;

import static io.freeagentics.engine.internal.Distributions.lnTilde;

/**
 * Posterior over hidden states given one observation and a prior, as pymdp's {@code run_vanilla_fpi}: exact Bayes
 * for a single factor, otherwise the mean-field fixed-point iteration with Jacobi updates, stopped when the free
 * energy changes by less than the tolerance or after the iteration budget.
 */
public final class StateInference {
  private final JointStates joint;
  private final int iterations;
  private final double tolerance;

  public StateInference(JointStates joint, int iterations, double tolerance) {
    this.joint = joint;
    this.iterations = iterations;
    this.tolerance = tolerance;
  }

  /**
   * The posterior marginals.
   *
   * @param logLikelihood {@code ln~(Π_m A_m[o_m, s])} over joint states
   * @param prior the prior marginal of each factor
   */
  public double[][] infer(double[] logLikelihood, double[][] prior) {
    int factors = prior.length;
    double[][] logPrior = new double[factors][];
    for (int f = 0; f < factors; f++) {
      logPrior[f] = lnTilde(prior[f]);
    }
    if (factors == 1) {
      double[] logits = new double[logLikelihood.length];
      for (int s = 0; s < logits.length; s++) {
        logits[s] = logLikelihood[s] + logPrior[0][s];
      }
      return new double[][] {Distributions.softmax(logits)};
    }
    double[][] qs = new double[factors][];
    for (int f = 0; f < factors; f++) {
      int n = prior[f].length;
      qs[f] = new double[n];
      java.util.Arrays.fill(qs[f], 1.0 / n);
    }
    double previousF = complexity(qs, logPrior);
    for (int iteration = 0; iteration < iterations; iteration++) {
      double[][] next = new double[factors][];
      for (int f = 0; f < factors; f++) {
        double[] expected = expectedLogLikelihood(logLikelihood, qs, f);
        for (int s = 0; s < expected.length; s++) {
          expected[s] += logPrior[f][s];
        }
        next[f] = Distributions.softmax(expected);
      }
      qs = next;
      double f = complexity(qs, logPrior) - Distributions.dot(joint.product(qs), logLikelihood);
      boolean converged = Math.abs(f - previousF) < tolerance;
      previousF = f;
      if (converged) {
        break;
      }
    }
    return qs;
  }

  /** {@code Σ_{s_-f} L(s) Π_{g≠f} q_g(s_g)}, a vector over the states of factor f. */
  private double[] expectedLogLikelihood(double[] logLikelihood, double[][] qs, int factor) {
    double[] out = new double[qs[factor].length];
    for (int s = 0; s < logLikelihood.length; s++) {
      double weight = 1.0;
      for (int g = 0; g < qs.length; g++) {
        if (g != factor) {
          weight *= qs[g][joint.stateOf(s, g)];
        }
      }
      out[joint.stateOf(s, factor)] += logLikelihood[s] * weight;
    }
    return out;
  }

  /** {@code Σ_f q_f · (ln~(q_f) − lnPrior_f)}: negative entropy plus cross-entropy with the prior. */
  static double complexity(double[][] qs, double[][] logPrior) {
    double sum = 0;
    for (int f = 0; f < qs.length; f++) {
      for (int s = 0; s < qs[f].length; s++) {
        sum += qs[f][s] * (lnTilde(qs[f][s]) - logPrior[f][s]);
      }
    }
    return sum;
  }

  /**
   * The variational free energy recorded with each step: complexity minus the expected log-likelihood of each
   * modality, {@code Σ_s q(s) Σ_m ln~(A_m[o_m, s])}.
   *
   * @param logLikelihoodSum {@code Σ_m ln~(A_m[o_m, s])} over joint states
   */
  public double freeEnergy(double[][] qs, double[][] prior, double[] logLikelihoodSum) {
    double[][] logPrior = new double[prior.length][];
    for (int f = 0; f < prior.length; f++) {
      logPrior[f] = lnTilde(prior[f]);
    }
    return complexity(qs, logPrior) - Distributions.dot(joint.product(qs), logLikelihoodSum);
  }
}
