package io.freeagentics.sim;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.sim.internal.ColumnSampler;
import java.util.SplittableRandom;

/**
 * The true hidden states of many agents and the outcomes they produce, simulated from a generative model: each
 * agent starts in a state drawn from D, each action moves it by a draw from {@code B[f][:, s_f, u_f]}, and each
 * observation is a draw from {@code A[m][:, s]}. Observations therefore depend on what the agents did, as they
 * would in deployment. For the built-in grid world, whose B is deterministic, this is the grid itself: moves are
 * exact and a move into a wall stays in place. Used by the demo, the benchmarks and anything else that needs a
 * world without a real environment.
 *
 * <p>Layouts match {@code Population}: observations {@code [agent * M + m]}, actions and true states
 * {@code [agent * F + f]}. Deterministic for a seed; not thread-safe.
 */
public final class SimulatedWorld {
  /** An agent whose action entry {@code actions[agent * F]} is negative did not act and stays. */
  public static final int NO_ACTION = -1;
  private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private final int agents;
  private final int factors;
  private final int modalities;
  private final int[] numStates;
  private final int[] numControls;
  /** likelihood[m] draws an outcome of modality m from the column of a joint state (C order). */
  private final ColumnSampler[] likelihood;
  /** transitions[f] draws factor f's next state from the column {@code previous * U_f + u}. */
  private final ColumnSampler[] transitions;
  private final int[] states;
  private final SplittableRandom random;

  /**
   * A world of {@code agents} agents whose starting states are drawn from the model's D.
   *
   * @throws IllegalArgumentException when {@code model} is null or {@code agents} is not positive
   */
  public SimulatedWorld(GenerativeModel model, int agents, long seed) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1 but was " + agents);
    }
    this.agents = agents;
    this.factors = model.numFactors();
    this.modalities = model.numModalities();
    if ((long) agents * Math.max(factors, modalities) > MAX_ARRAY_LENGTH) {
      throw new IllegalArgumentException("agents was " + agents + ", too many for one array of states ("
          + factors + " per agent) and of observations (" + modalities + " per agent)");
    }
    this.numStates = model.numStates();
    this.numControls = model.numControls();
    this.likelihood = new ColumnSampler[modalities];
    for (int m = 0; m < modalities; m++) {
      likelihood[m] = ColumnSampler.of("A[" + m + "]", model.a(m));
    }
    this.transitions = new ColumnSampler[factors];
    ColumnSampler[] initial = new ColumnSampler[factors];
    for (int f = 0; f < factors; f++) {
      transitions[f] = ColumnSampler.of("B[" + f + "]", model.b(f));
      initial[f] = ColumnSampler.of("D[" + f + "]", model.d(f));
    }
    this.random = new SplittableRandom(seed);
    this.states = new int[agents * factors];
    for (int agent = 0; agent < agents; agent++) {
      for (int f = 0; f < factors; f++) {
        states[agent * factors + f] = initial[f].sample(0, random);
      }
    }
  }

  public int agents() {
    return agents;
  }

  /** The number of hidden-state factors F of the model. */
  public int factors() {
    return factors;
  }

  /** The number of observation modalities M of the model. */
  public int modalities() {
    return modalities;
  }

  /**
   * The true state of {@code agent} in {@code factor}.
   *
   * @throws IllegalArgumentException when the agent or the factor is out of range
   */
  public int trueState(int agent, int factor) {
    checkAgent(agent);
    checkFactor(factor);
    return states[agent * factors + factor];
  }

  /**
   * Puts {@code agent} into {@code state} of {@code factor}, to set up a scene.
   *
   * @throws IllegalArgumentException when the agent, the factor or the state is out of range
   */
  public void place(int agent, int factor, int state) {
    checkAgent(agent);
    checkFactor(factor);
    if (state < 0 || state >= numStates[factor]) {
      throw new IllegalArgumentException(
          "state of factor " + factor + " must be in [0, " + numStates[factor] + ") but was " + state);
    }
    states[agent * factors + factor] = state;
  }

  /**
   * Draws every agent's observation of its true state into {@code observationsOut[agent * M + m]}.
   *
   * @throws IllegalArgumentException when the array does not have length agents * M
   */
  public void observe(int[] observationsOut) {
    requireLength("observationsOut", observationsOut, agents * modalities);
    for (int agent = 0; agent < agents; agent++) {
      drawObservation(agent, observationsOut, agent * modalities);
    }
  }

  /**
   * Draws one agent's observation of its true state into {@code observationOut[m]}.
   *
   * @throws IllegalArgumentException when the agent is out of range or the array does not have length M
   */
  public void observe(int agent, int[] observationOut) {
    checkAgent(agent);
    requireLength("observationOut", observationOut, modalities);
    drawObservation(agent, observationOut, 0);
  }

  /**
   * Moves every agent by its action {@code actions[agent * F + f]}; agents whose first entry is negative (see
   * {@link #NO_ACTION}) did not act and stay. The actions are checked before anyone moves, so a rejected call
   * changes nothing.
   *
   * @throws IllegalArgumentException when the array does not have length agents * F or an acting agent's action
   *     is outside the controls of its factor
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
      }
    }
    for (int agent = 0; agent < agents; agent++) {
      if (actions[agent * factors] < 0) {
        continue;
      }
      for (int f = 0; f < factors; f++) {
        int at = agent * factors + f;
        states[at] = transitions[f].sample(states[at] * numControls[f] + actions[at], random);
      }
    }
  }

  private void drawObservation(int agent, int[] out, int offset) {
    int joint = 0;
    for (int f = 0; f < factors; f++) {
      joint = joint * numStates[f] + states[agent * factors + f];
    }
    for (int m = 0; m < modalities; m++) {
      out[offset + m] = likelihood[m].sample(joint, random);
    }
  }

  private void checkAgent(int agent) {
    if (agent < 0 || agent >= agents) {
      throw new IllegalArgumentException("agent must be in [0, " + agents + ") but was " + agent);
    }
  }

  private void checkFactor(int factor) {
    if (factor < 0 || factor >= factors) {
      throw new IllegalArgumentException("factor must be in [0, " + factors + ") but was " + factor);
    }
  }

  private static void requireLength(String name, int[] array, int expected) {
    if (array == null || array.length != expected) {
      throw new IllegalArgumentException(name + " must have length " + expected + " but was "
          + (array == null ? "null" : "of length " + array.length));
    }
  }
}
