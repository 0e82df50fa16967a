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
   * @throws IllegalStateException when its beliefs changed since then (or it never stepped)
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
   * @throws IllegalStateException when its beliefs changed since then (or it never stepped)
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

  /** Returns the agent to its initial state: beliefs D, no previous action, empty history. */
  public void reset(int agent) {
    ensureOpen();
    checkAgent(agent);
    engine.reset(agent);
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
          + "it has not stepped since it was created, reset or last perceived");
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
