package io.freeagentics.engine.internal;

import static io.freeagentics.engine.internal.Distributions.LOG_EPSILON;

import io.freeagentics.model.Policy;

/**
 * The negative expected free energy of a policy (pymdp's {@code G}) for fixed A, B, C and Dirichlet counts: the
 * sum over the policy's steps of expected utility, state information gain (SPM's {@code spm_MDP_G}) and, when
 * enabled, parameter information gain about pA and pB. Built once per agent step, since learning changes A and B.
 *
 * <p>Arrays are flat row-major: {@code a[m]} is (O_m × joint states), {@code b[f]} is (S_f × S_f × U_f).
 */
public final class ExpectedFreeEnergy {
  /** SPM's threshold on joint-state probabilities and its epsilon inside the outcome entropy: e^-16. */
  static final double SPM_EPSILON = Math.exp(-16);

  private final JointStates joint;
  private final int[] numStates;
  private final int[] numControls;
  private final int[] numObs;
  private final double[][] a;
  private final double[][] b;
  private final double[][] lnC;
  private final double[][] wA;
  private final double[][] wB;
  private final boolean utility;
  private final boolean statesInfoGain;
  private final int jointOutcomes;
  /** po(s, o) = Π_m A_m[o_m, s] for the joint outcome o (modality 0 slowest), per joint state. */
  private final double[][] outcomeGivenState;
  /** Σ_o po(s, o) ln(po(s, o) + e^-16) per joint state. */
  private final double[] negEntropyGivenState;

  /**
   * @param pA Dirichlet counts of A when their information gain counts, else {@code null}
   * @param pB Dirichlet counts of B when their information gain counts, else {@code null}
   */
  public ExpectedFreeEnergy(JointStates joint, int[] numStates, int[] numObs, int[] numControls, double[][] a,
      double[][] b, double[][] lnC, boolean utility, boolean statesInfoGain, double[][] pA, double[][] pB) {
    this.joint = joint;
    this.numStates = numStates;
    this.numObs = numObs;
    this.numControls = numControls;
    this.a = a;
    this.b = b;
    this.lnC = lnC;
    this.utility = utility;
    this.statesInfoGain = statesInfoGain;
    this.wA = pA == null ? null : novelty(pA, numObs);
    this.wB = pB == null ? null : novelty(pB, numStates);
    int outcomes = 1;
    for (int o : numObs) {
      outcomes *= o;
    }
    this.jointOutcomes = outcomes;
    if (statesInfoGain) {
      outcomeGivenState = new double[joint.size()][];
      negEntropyGivenState = new double[joint.size()];
      for (int s = 0; s < joint.size(); s++) {
        double[] po = jointOutcome(s);
        double sum = 0;
        for (double p : po) {
          sum += p * Math.log(p + SPM_EPSILON);
        }
        outcomeGivenState[s] = po;
        negEntropyGivenState[s] = sum;
      }
    } else {
      outcomeGivenState = null;
      negEntropyGivenState = null;
    }
  }

  /** Outer product of the columns A_m[:, s] over the modalities, modality 0 slowest (as spm_cross). */
  private double[] jointOutcome(int s) {
    int states = joint.size();
    double[] po = {1.0};
    for (int m = 0; m < numObs.length; m++) {
      double[] next = new double[po.length * numObs[m]];
      for (int i = 0; i < po.length; i++) {
        for (int o = 0; o < numObs[m]; o++) {
          next[i * numObs[m] + o] = po[i] * a[m][o * states + s];
        }
      }
      po = next;
    }
    return po;
  }

  /** pymdp's {@code spm_wnorm(p) * (p > 0)}: 1/Σ_axis0(p + ε) − 1/(p + ε) where p is positive, else 0. */
  private static double[][] novelty(double[][] counts, int[] rowsPerArray) {
    double[][] out = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      out[i] = wnorm(counts[i], rowsPerArray[i]);
    }
    return out;
  }

  private static double[] wnorm(double[] p, int rows) {
    int columns = p.length / rows;
    double[] sums = new double[columns];
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < columns; col++) {
        sums[col] += p[row * columns + col] + LOG_EPSILON;
      }
    }
    double[] w = new double[p.length];
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < columns; col++) {
        int i = row * columns + col;
        w[i] = p[i] > 0 ? 1.0 / sums[col] - 1.0 / (p[i] + LOG_EPSILON) : 0.0;
      }
    }
    return w;
  }

  /** The negative expected free energy of {@code policy} from the current posterior {@code qs}. */
  public double negEfe(double[][] qs, Policy policy) {
    double g = 0;
    double[][] previous = qs;
    for (int t = 0; t < policy.length(); t++) {
      double[][] expected = new double[numStates.length][];
      for (int f = 0; f < numStates.length; f++) {
        expected[f] = transition(b[f], f, policy.action(t, f), previous[f]);
      }
      double[] qx = joint.product(expected);
      double[][] qo = expectedOutcomes(qx);
      if (utility) {
        for (int m = 0; m < numObs.length; m++) {
          g += Distributions.dot(qo[m], lnC[m]);
        }
      }
      if (statesInfoGain) {
        g += statesInformationGain(qx);
      }
      if (wA != null) {
        for (int m = 0; m < numObs.length; m++) {
          g -= Distributions.dot(qo[m], contractStates(wA[m], numObs[m], qx));
        }
      }
      if (wB != null) {
        for (int f = 0; f < numStates.length; f++) {
          double[] predicted = transition(wB[f], f, policy.action(t, f), previous[f]);
          g -= Distributions.dot(expected[f], predicted);
        }
      }
      previous = expected;
    }
    return g;
  }

  /** {@code matrix[:, :, u] @ q} for a transition-shaped array of factor {@code f} (B or its novelty weights). */
  private double[] transition(double[] matrix, int f, int u, double[] q) {
    return Distributions.transition(matrix, numStates[f], numControls[f], u, q);
  }

  private double[][] expectedOutcomes(double[] qx) {
    double[][] qo = new double[numObs.length][];
    for (int m = 0; m < numObs.length; m++) {
      qo[m] = contractStates(a[m], numObs[m], qx);
    }
    return qo;
  }

  /** {@code y[o] = Σ_s matrix[o, s] q(s)} for a row-major (rows × joint states) matrix. */
  private double[] contractStates(double[] matrix, int rows, double[] qx) {
    int states = qx.length;
    double[] out = new double[rows];
    for (int o = 0; o < rows; o++) {
      double sum = 0;
      for (int s = 0; s < states; s++) {
        sum += matrix[o * states + s] * qx[s];
      }
      out[o] = sum;
    }
    return out;
  }

  /** SPM's {@code spm_MDP_G}: E_x[Σ po ln po] − qo · ln~(qo) over joint states with q(x) above e^-16. */
  private double statesInformationGain(double[] qx) {
    double g = 0;
    double[] qo = new double[jointOutcomes];
    for (int s = 0; s < qx.length; s++) {
      if (qx[s] > SPM_EPSILON) {
        double[] po = outcomeGivenState[s];
        for (int o = 0; o < jointOutcomes; o++) {
          qo[o] += qx[s] * po[o];
        }
        g += qx[s] * negEntropyGivenState[s];
      }
    }
    double crossEntropy = 0;
    for (double p : qo) {
      crossEntropy += p * Distributions.lnTilde(p);
    }
    return g - crossEntropy;
  }
}
