package io.freeagentics.cloud.mirror.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Tensor;

/**
 * The outcome distribution an agent expects from its beliefs: {@code p(o_m) = sum_s A_m[o_m, s] prod_f q_f(s_f)}
 * over the joint hidden states, in double precision.
 */
public final class OutcomePrediction {
  private OutcomePrediction() {
  }

  /** One distribution per modality. */
  public static double[][] predict(GenerativeModel model, float[][] beliefs) {
    int factors = model.numFactors();
    int[] states = model.numStates();
    int joint = model.numJointStates();
    double[][] outcomes = new double[model.numModalities()][];
    int[] index = new int[factors + 1];
    for (int m = 0; m < outcomes.length; m++) {
      Tensor a = model.a(m);
      double[] p = new double[model.numObs(m)];
      int[] s = new int[factors];
      for (int j = 0; j < joint; j++) {
        double q = 1;
        for (int f = 0; f < factors; f++) {
          q *= beliefs[f][s[f]];
        }
        if (q != 0) {
          System.arraycopy(s, 0, index, 1, factors);
          for (int o = 0; o < p.length; o++) {
            index[0] = o;
            p[o] += a.get(index) * q;
          }
        }
        for (int f = factors - 1; f >= 0; f--) {
          if (++s[f] < states[f]) {
            break;
          }
          s[f] = 0;
        }
      }
      outcomes[m] = p;
    }
    return outcomes;
  }
}
