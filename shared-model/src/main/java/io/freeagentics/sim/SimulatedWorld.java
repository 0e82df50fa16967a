package io.freeagentics.sim;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Tensor;
import java.util.SplittableRandom;

/**
 * The true hidden states of many agents and the outcomes they produce, simulated from a generative model: each
 * agent starts in a state drawn from D, each action moves it by a draw from {@code B[f][:, s_f, u_f]}, and each
 * observation is a draw from {@code A[m][:, s]}. For the built-in grid world this is the grid itself: the agent's
 * actions change what it observes next. Deterministic for a seed; not thread-safe.
 */
public final class SimulatedWorld {
  /** An agent without an action entry ({@code actions[agent*F]} negative) stays where it is. */
  public static final int NO_ACTION = -1;

  private final int agents;
  private final int factors;
  private final int modalities;
  private final int[] numStates;
  private final int[] factorStride;
  private final int jointStates;
  /** cumulativeA[m][s * O_m + o] = P(outcome ≤ o | joint state s). */
  private final double[][] cumulativeA;
  private final int[] numObs;
  /** cumulativeB[f][(u * S_f + prev) * S_f + next] = P(next' ≤ next | prev, u). */
  private final double[][] cumulativeB;
  private final int[] numControls;
  private final int[] states;
  private final SplittableRandom random;

  /**
   * @throws IllegalArgumentException when {@code agents} is not positive
   */
  public SimulatedWorld(GenerativeModel model, int agents, long seed) {
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1 but was " + agents);
    }
    this.agents = agents;
    this.factors = model.numFactors();
    this.modalities = model.numModalities();
    this.numStates = model.numStates();
    this.numObs = model.numObs();
    this.numControls = model.numControls();
    this.jointStates = model.numJointStates();
    this.factorStride = new int[factors];
    int stride = 1;
    for (int f = factors - 1; f >= 0; f--) {
      factorStride[f] = stride;
      stride *= numStates[f];
    }
    this.cumulativeA = new double[modalities][];
    for (int m = 0; m < modalities; m++) {
      cumulativeA[m] = cumulativeColumns(model.a(m), numObs[m], jointStates, 1);
    }
    this.cumulativeB = new double[factors][];
    for (int f = 0; f < factors; f++) {
      cumulativeB[f] = cumulativeColumns(model.b(f), numStates[f], numStates[f], numControls[f]);
    }
    this.random = new SplittableRandom(seed);
    this.states = new int[agents * factors];
    for (int f = 0; f < factors; f++) {
      double[] cumulativeD = cumulativeColumns(model.d(f), numStates[f], 1, 1);
      for (int agent = 0; agent < agents; agent++) {
        states[agent * factors + f] = drawCumulative(cumulativeD, 0, numStates[f]);
      }
    }
  }

  /**
   * For a row-major array of shape (rows, columns[, controls]) whose columns are distributions over the rows,
   * the cumulative sums of each column, laid out column after column (control-major when there are controls).
   */
  private static double[] cumulativeColumns(Tensor tensor, int rows, int columns, int controls) {
    double[] out = new double[rows * columns * controls];
    for (int u = 0; u < controls; u++) {
      for (int col = 0; col < columns; col++) {
        double sum = 0;
        int base = (u * columns + col) * rows;
        for (int row = 0; row < rows; row++) {
          sum += tensor.at((row * columns + col) * controls + u);
          out[base + row] = sum;
        }
      }
    }
    return out;
  }

  private int drawCumulative(double[] cumulative, int offset, int length) {
    double u = random.nextDouble() * cumulative[offset + length - 1];
    for (int i = 0; i < length - 1; i++) {
      if (u < cumulative[offset + i]) {
        return i;
      }
    }
    return length - 1;
  }

  public int agents() {
    return agents;
  }

  /** The true state of {@code agent} in {@code factor}. */
  public int trueState(int agent, int factor) {
    return states[agent * factors + factor];
  }

  /** Draws every agent's observation into {@code observationsOut[agent * numModalities + m]}. */
  public void observe(int[] observationsOut) {
    requireLength("observationsOut", observationsOut, agents * modalities);
    for (int agent = 0; agent < agents; agent++) {
      int joint = 0;
      for (int f = 0; f < factors; f++) {
        joint += states[agent * factors + f] * factorStride[f];
      }
      for (int m = 0; m < modalities; m++) {
        observationsOut[agent * modalities + m] = drawCumulative(cumulativeA[m], joint * numObs[m], numObs[m]);
      }
    }
  }

  /**
   * Moves every agent by its action {@code actions[agent * numFactors + f]}; agents whose first entry is negative
   * did not act and stay.
   *
   * @throws IllegalArgumentException when an action is outside the controls of its factor
   */
  public void act(int[] actions) {
    requireLength("actions", actions, agents * factors);
    for (int agent = 0; agent < agents; agent++) {
      if (actions[agent * factors] < 0) {
        continue;
      }
      for (int f = 0; f < factors; f++) {
        int u = actions[agent * factors + f];
        if (u < 0 || u >= numControls[f]) {
          throw new IllegalArgumentException("actions[" + (agent * factors + f) + "] = " + u
              + " is outside the controls [0, " + numControls[f] + ") of factor " + f + " (agent " + agent + ")");
        }
        int prev = states[agent * factors + f];
        states[agent * factors + f] =
            drawCumulative(cumulativeB[f], (u * numStates[f] + prev) * numStates[f], numStates[f]);
      }
    }
  }

  private static void requireLength(String name, int[] array, int expected) {
    if (array == null || array.length != expected) {
      throw new IllegalArgumentException(name + " must have length " + expected + " but has "
          + (array == null ? "none" : String.valueOf(array.length)));
    }
  }
}
