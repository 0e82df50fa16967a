package io.freeagentics.quant;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.internal.Int8Engine;

/**
 * N Active Inference agents sharing one {@link QuantizedModel}, with the API of {@link Population} but every
 * agent's beliefs, policy posterior and action probabilities held in 8-bit {@link LogCodec} codes: about
 * {@code marginals + policies + controls + factors + 5} bytes per agent (41 at {@code grid:5}) plus the optional
 * history, against several times that in float. For edge devices that hold many agents in little memory.
 *
 * <p>Each agent follows the pymdp protocol without learning, as the float population does; beliefs are
 * de-quantized (normalised) when read. With deterministic action selection, from identical histories, its action
 * is one of the float population's best (within 1e-3 in probability) on at least 99 % of steps and its beliefs
 * stay within a mean L1 distance of 0.02; where the float engine's best actions are tied to within its own
 * accuracy it may pick a different one of them (see {@link Int8Agreement} and {@code docs/int8-engine.md}).
 * Stochastic selection draws the same counter-based uniforms as the float population. Results do not depend on
 * the number of threads.
 *
 * <p>An agent's beliefs, {@link #previousAction} and {@link #stepCount} can be saved and put back with {@link #restore},
 * for example across a restart: beliefs read with {@link #beliefs} restore to the same 8-bit codes, so the agent
 * continues as if it had not been interrupted.
 *
 * <p>Instances are not safe for concurrent use. Arguments are checked before any agent changes. {@link #close()}
 * stops the worker threads.
 */
public final class Int8Population implements AutoCloseable {
  /** Marks an agent without an observation, as in {@link Population#NO_OBSERVATION}. */
  public static final int NO_OBSERVATION = Population.NO_OBSERVATION;
  /** The action recorded in a history entry after which no action was taken. */
  public static final int NO_ACTION = Population.NO_ACTION;

  private final QuantizedModel model;
  private final GenerativeModel dequantized;
  private final PopulationConfig config;
  private final Int8Engine engine;
  private final int agents;
  private final int modalities;
  private final int factors;
  private boolean closed;

  private Int8Population(QuantizedModel model, PopulationConfig config) {
    this.model = model;
    this.dequantized = model.dequantized();
    this.config = config;
    this.engine = Int8Engine.create(model, config);
    this.agents = config.agents();
    this.modalities = dequantized.numModalities();
    this.factors = dequantized.numFactors();
  }

  /**
   * A population of {@code config.agents()} agents on {@code model} quantized, each at its initial beliefs.
   *
   * @throws IllegalArgumentException when an argument is null, the settings ask for learning or parameter
   *     information gain, or the model is too large (joint spaces, more than 255 controls of a factor)
   * @throws IllegalStateException when {@code KernelPreference.VECTOR} is asked for without the Vector API module
   */
  public static Int8Population create(GenerativeModel model, PopulationConfig config) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    return create(QuantizedModel.of(model), config);
  }

  /** A population on an already quantized model; see {@link #create(GenerativeModel, PopulationConfig)}. */
  public static Int8Population create(QuantizedModel model, PopulationConfig config) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new Int8Population(model, config);
  }

  public int size() {
    return agents;
  }

  /** The quantized model, with its source and de-quantized forms and its error report. */
  public QuantizedModel model() {
    return model;
  }

  public PopulationConfig config() {
    return config;
  }

  /** What computes, for example {@code "int8 log-domain beliefs, vector 256-bit (8 floats), 2 threads"}. */
  public String kernelDescription() {
    return engine.description();
  }

  /**
   * A full perception–action cycle of every agent whose modality-0 observation is not {@link #NO_OBSERVATION};
   * layouts as in {@link Population#step(int[], int[])}.
   *
   * @return the number of agents processed
   * @throws IllegalArgumentException on wrong lengths or an observation out of range; no agent changes then
   */
  public int step(int[] observations, int[] actionsOut) {
    ensureOpen();
    checkObservations(observations);
    checkLength("actionsOut", actionsOut, agents * factors);
    return engine.step(observations, actionsOut);
  }

  /** Belief update only of every agent with an observation; policy results become unavailable. */
  public int perceive(int[] observations) {
    ensureOpen();
    checkObservations(observations);
    return engine.perceive(observations);
  }

  /** Belief update of one agent ({@code observation[m]} per modality). */
  public void perceive(int agent, int[] observation) {
    ensureOpen();
    checkAgent(agent);
    checkLength("observation", observation, modalities);
    for (int m = 0; m < modalities; m++) {
      checkObservation(agent, m, observation[m]);
    }
    engine.perceiveOne(agent, observation);
  }

  /** The agent's de-quantized posterior over the states of {@code factor} (normalised) into {@code out}. */
  public void beliefs(int agent, int factor, float[] out) {
    ensureOpen();
    checkAgent(agent);
    checkFactor(factor);
    checkLength("out", out, dequantized.numStates(factor));
    engine.beliefs(agent, factor, out);
  }

  /**
   * The agent's de-quantized policy posterior from its last step.
   *
   * @throws IllegalStateException when its beliefs changed since then (it perceived, was reset or restored) or it
   *     never stepped
   */
  public void policyPosterior(int agent, float[] out) {
    ensureOpen();
    checkAgent(agent);
    checkLength("out", out, dequantized.numPolicies());
    requirePolicyResults(agent);
    engine.policyPosterior(agent, out);
  }

  /**
   * The agent's de-quantized action probabilities of {@code factor} from its last step.
   *
   * @throws IllegalStateException when its beliefs changed since then (it perceived, was reset or restored) or it
   *     never stepped
   */
  public void actionProbabilities(int agent, int factor, float[] out) {
    ensureOpen();
    checkAgent(agent);
    checkFactor(factor);
    checkLength("out", out, dequantized.numControls(factor));
    requirePolicyResults(agent);
    engine.actionProbabilities(agent, factor, out);
  }

  /**
   * Declares {@code action[f]} as the action the agent took after its latest observation (its next prior is
   * {@code B_f[:, :, action[f]] @ beliefs_f}); for replays and for comparing with another engine step by step.
   */
  public void setPreviousAction(int agent, int[] action) {
    ensureOpen();
    checkAgent(agent);
    checkLength("action", action, factors);
    for (int f = 0; f < factors; f++) {
      if (action[f] < 0 || action[f] >= dequantized.numControls(f)) {
        throw new IllegalArgumentException("action of agent " + agent + " for factor " + f + " is " + action[f]
            + ", outside [0, " + dequantized.numControls(f) + ")");
      }
    }
    engine.setPreviousAction(agent, action);
  }

  /** Returns the agent to its initial state: beliefs D, no previous action, empty history; the step count goes on. */
  public void reset(int agent) {
    ensureOpen();
    checkAgent(agent);
    engine.reset(agent);
  }

  /**
   * The number of belief updates of the agent since the population was created, or since the count a
   * {@link #restore} set: the counter that keys its random numbers, as in {@link Population#stepCount(int)}.
   */
  public long stepCount(int agent) {
    ensureOpen();
    checkAgent(agent);
    return engine.stepCount(agent);
  }

  /** The action the agent's next prior depends on, per factor, {@link #NO_ACTION} when none; see {@link Population}. */
  public void previousAction(int agent, int[] out) {
    ensureOpen();
    checkAgent(agent);
    checkLength("out", out, factors);
    engine.previousAction(agent, out);
  }

  /**
   * Sets the agent's state from a checkpoint, as {@link Population#restore(int, float[][], int[], long)} does: its
   * beliefs per factor, its previous action (every entry {@link #NO_ACTION} for none) and its step count; the
   * history is emptied and there are no policy results until the next step. The beliefs are quantized as the
   * engine quantizes its own, relative to their largest entry (so dividing them by their sum would change
   * nothing); de-quantized beliefs read with {@link #beliefs} give back the agent's exact codes, so restoring them
   * with the previous action and step count makes every later result identical to the uninterrupted agent's.
   * Validation is that of the float population ({@link Population#RESTORE_SUM_TOLERANCE}); the step count must
   * fit the engine's 32-bit counter.
   *
   * @throws IllegalArgumentException when a distribution, the previous action or the step count is invalid (the
   *     message names the agent, the factor where there is one, and the problem); the agent is not changed then
   */
  public void restore(int agent, float[][] beliefs, int[] previousAction, long stepCount) {
    ensureOpen();
    checkAgent(agent);
    checkBeliefs(agent, beliefs);
    checkRestoredAction(agent, previousAction);
    if (stepCount < 0 || stepCount > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("step count of agent " + agent + " is " + stepCount
          + "; the int8 engine counts steps in [0, " + Integer.MAX_VALUE + "]");
    }
    engine.restore(agent, beliefs, previousAction, (int) stepCount);
  }

  /** The agent's last belief updates, oldest first (at most the configured history length). */
  public AgentHistory history(int agent) {
    ensureOpen();
    checkAgent(agent);
    return engine.history(agent);
  }

  /** Bytes held in per-agent arrays including the history (comparable with {@link Population#stateBytes()}). */
  public long stateBytes() {
    return engine.stateBytes() + engine.historyBytes();
  }

  /** Bytes held in per-agent arrays without the history: the int8 engine's footprint per agent times agents. */
  public long stateBytesWithoutHistory() {
    return engine.stateBytes();
  }

  /** Stops the worker threads; later calls fail with {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.close();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("int8 population is closed");
    }
  }

  private void requirePolicyResults(int agent) {
    if (!engine.hasPolicyResults(agent)) {
      throw new IllegalStateException("agent " + agent + " has no policy results for its current beliefs: "
          + "it has not stepped since it was created, reset, restored or last perceived");
    }
  }

  /** Checks checkpointed distributions as {@link Population#restore(int, float[][], int[], long)} does. */
  private void checkBeliefs(int agent, float[][] beliefs) {
    if (beliefs == null) {
      throw new IllegalArgumentException("beliefs of agent " + agent + " must not be null");
    }
    if (beliefs.length != factors) {
      throw new IllegalArgumentException("beliefs of agent " + agent + " has " + beliefs.length
          + " factors but the model has " + factors);
    }
    for (int f = 0; f < factors; f++) {
      float[] q = beliefs[f];
      int states = dequantized.numStates(f);
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
    }
  }

  /** A previous action for {@link #restore}: every entry {@link #NO_ACTION}, or every entry a valid control. */
  private void checkRestoredAction(int agent, int[] action) {
    checkLength("previousAction", action, factors);
    boolean none = action[0] == NO_ACTION;
    for (int f = 0; f < factors; f++) {
      if (none && action[f] != NO_ACTION) {
        throw new IllegalArgumentException("previous action of agent " + agent + " for factor " + f + " is "
            + action[f] + " but factor 0 has none (" + NO_ACTION + "); either every factor has an action or none");
      }
      if (!none && (action[f] < 0 || action[f] >= dequantized.numControls(f))) {
        throw new IllegalArgumentException("previous action of agent " + agent + " for factor " + f + " is "
            + action[f] + ", outside [0, " + dequantized.numControls(f) + ")");
      }
    }
  }

  private void checkObservations(int[] observations) {
    checkLength("observations", observations, agents * modalities);
    for (int agent = 0, base = 0; agent < agents; agent++, base += modalities) {
      if (observations[base] == NO_OBSERVATION) {
        continue;
      }
      for (int m = 0; m < modalities; m++) {
        checkObservation(agent, m, observations[base + m]);
      }
    }
  }

  private void checkObservation(int agent, int modality, int value) {
    if (value < 0 || value >= dequantized.numObs(modality)) {
      throw new IllegalArgumentException("observation of agent " + agent + " for modality " + modality + " is "
          + value + ", outside [0, " + dequantized.numObs(modality) + ")");
    }
  }

  private void checkAgent(int agent) {
    if (agent < 0 || agent >= agents) {
      throw new IndexOutOfBoundsException("agent " + agent + " is outside [0, " + agents + ")");
    }
  }

  private void checkFactor(int factor) {
    if (factor < 0 || factor >= factors) {
      throw new IndexOutOfBoundsException("factor " + factor + " is outside [0, " + factors + ")");
    }
  }

  private static void checkLength(String name, int[] array, int expected) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (array.length != expected) {
      throw new IllegalArgumentException(name + " has length " + array.length + " but must have " + expected);
    }
  }

  private static void checkLength(String name, float[] array, int expected) {
    if (array == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (array.length != expected) {
      throw new IllegalArgumentException(name + " has length " + array.length + " but must have " + expected);
    }
  }
}
