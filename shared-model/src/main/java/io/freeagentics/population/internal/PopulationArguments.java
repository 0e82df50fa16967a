package io.freeagentics.population.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.Population;

/**
 * The boundary checks shared by the float and the 8-bit populations, against one model and agent count, so both
 * reject the same calls with the same messages (naming the argument, agent, factor or modality, and the value).
 */
public final class PopulationArguments {
  private final GenerativeModel model;
  private final int agents;
  private final int modalities;
  private final int factors;

  public PopulationArguments(GenerativeModel model, int agents) {
    this.model = model;
    this.agents = agents;
    this.modalities = model.numModalities();
    this.factors = model.numFactors();
  }

  /** Observations of every agent, {@code [agent * M + m]}; agents without one are not checked further. */
  public void checkObservations(int[] observations) {
    checkLength("observations", observations, agents * modalities);
    for (int agent = 0, base = 0; agent < agents; agent++, base += modalities) {
      if (observations[base] == Population.NO_OBSERVATION) {
        continue;
      }
      for (int m = 0; m < modalities; m++) {
        checkObservation(agent, m, observations[base + m]);
      }
    }
  }

  /** The observation of one agent, {@code observation[m]} per modality. */
  public void checkObservation(int agent, int[] observation) {
    checkLength("observation", observation, modalities);
    for (int m = 0; m < modalities; m++) {
      checkObservation(agent, m, observation[m]);
    }
  }

  /** The actions buffer of a step, {@code [agent * F + f]}. */
  public void checkActionsOut(int[] actionsOut) {
    checkLength("actionsOut", actionsOut, agents * factors);
  }

  /** An action to declare as taken: a valid control in every factor. */
  public void checkAction(int agent, int[] action) {
    checkLength("action", action, factors);
    for (int f = 0; f < factors; f++) {
      if (action[f] < 0 || action[f] >= model.numControls(f)) {
        throw new IllegalArgumentException("action of agent " + agent + " for factor " + f + " is " + action[f]
            + ", outside [0, " + model.numControls(f) + ")");
      }
    }
  }

  /** A previous action for a restore: every entry {@link Population#NO_ACTION}, or every entry a valid control. */
  public void checkRestoredAction(int agent, int[] action) {
    checkLength("previousAction", action, factors);
    boolean none = action[0] == Population.NO_ACTION;
    for (int f = 0; f < factors; f++) {
      if (none && action[f] != Population.NO_ACTION) {
        throw new IllegalArgumentException("previous action of agent " + agent + " for factor " + f + " is "
            + action[f] + " but factor 0 has none (" + Population.NO_ACTION
            + "); either every factor has an action or none");
      }
      if (!none && (action[f] < 0 || action[f] >= model.numControls(f))) {
        throw new IllegalArgumentException("previous action of agent " + agent + " for factor " + f + " is "
            + action[f] + ", outside [0, " + model.numControls(f) + ")");
      }
    }
  }

  /**
   * Checkpointed distributions, one per factor with the factor's number of states, finite non-negative entries
   * and a sum within {@link Population#RESTORE_SUM_TOLERANCE} of 1.
   *
   * @return the sum of each factor's distribution
   */
  public double[] checkBeliefs(int agent, float[][] beliefs) {
    if (beliefs == null) {
      throw new IllegalArgumentException("beliefs of agent " + agent + " must not be null");
    }
    if (beliefs.length != factors) {
      throw new IllegalArgumentException("beliefs of agent " + agent + " has " + beliefs.length
          + " factors but the model has " + factors);
    }
    double[] sums = new double[factors];
    for (int f = 0; f < factors; f++) {
      float[] q = beliefs[f];
      int states = model.numStates(f);
      if (q == null) {
        throw new IllegalArgumentException("beliefs of agent " + agent + " for factor " + f + " are null");
      }
      if (q.length != states) {
        throw new IllegalArgumentException("beliefs of agent " + agent + " for factor " + f + " have " + q.length
            + " entries but the factor has " + states + " states");
      }
      double sum = 0.0;
      for (int s = 0; s < states; s++) {
        if (!(q[s] >= 0.0f) || Float.isInfinite(q[s])) {
          throw new IllegalArgumentException("beliefs of agent " + agent + " for factor " + f + ": entry " + s
              + " is " + q[s] + "; entries must be finite and not negative");
        }
        sum += q[s];
      }
      if (!(Math.abs(sum - 1.0) <= Population.RESTORE_SUM_TOLERANCE)) {
        throw new IllegalArgumentException("beliefs of agent " + agent + " for factor " + f + " sum to " + sum
            + ", not 1 within " + Population.RESTORE_SUM_TOLERANCE);
      }
      sums[f] = sum;
    }
    return sums;
  }

  /** Fails when the agent has no policy results for its current beliefs. */
  public static void checkPolicyResults(int agent, boolean available) {
    if (!available) {
      throw new IllegalStateException("agent " + agent + " has no policy results for its current beliefs: "
          + "it has not stepped since it was created, reset, restored or last perceived");
    }
  }

  public void checkObservation(int agent, int modality, int value) {
    if (value < 0 || value >= model.numObs(modality)) {
      throw new IllegalArgumentException("observation of agent " + agent + " for modality " + modality + " is "
          + value + ", outside [0, " + model.numObs(modality) + ")");
    }
  }

  public void checkAgent(int agent) {
    if (agent < 0 || agent >= agents) {
      throw new IndexOutOfBoundsException("agent " + agent + " is outside [0, " + agents + ")");
    }
  }

  public void checkFactor(int factor) {
    if (factor < 0 || factor >= factors) {
      throw new IndexOutOfBoundsException("factor " + factor + " is outside [0, " + factors + ")");
    }
  }

  public static void checkLength(String name, int[] array, int expected) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (array.length != expected) {
      throw new IllegalArgumentException(name + " has length " + array.length + " but must have " + expected);
    }
  }

  public static void checkLength(String name, float[] array, int expected) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (array.length != expected) {
      throw new IllegalArgumentException(name + " has length " + array.length + " but must have " + expected);
    }
  }
}
