package io.freeagentics.quant;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.AgentPopulation;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.population.internal.PopulationArguments;
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
public final class Int8Population implements AgentPopulation {
  /** Marks an agent without an observation, as in {@link Population#NO_OBSERVATION}. */
  public static final int NO_OBSERVATION = Population.NO_OBSERVATION;
  /** The action recorded in a history entry after which no action was taken. */
  public static final int NO_ACTION = Population.NO_ACTION;

  private final QuantizedModel model;
  private final GenerativeModel dequantized;
  private final PopulationConfig config;
  private final Int8Engine engine;
  private final PopulationArguments arguments;
  private final int agents;
  private final int factors;
  private boolean closed;

  private Int8Population(QuantizedModel model, PopulationConfig config) {
    this.model = model;
    this.dequantized = model.dequantized();
    this.config = config;
    this.engine = Int8Engine.create(model, config);
    this.arguments = new PopulationArguments(dequantized, config.agents());
    this.agents = config.agents();
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

  @Override
  public int size() {
    return agents;
  }

  /** The quantized model, with its source and de-quantized forms and its error report. */
  public QuantizedModel model() {
    return model;
  }

  @Override
  public PopulationConfig config() {
    return config;
  }

  /** What computes, for example {@code "int8 log-domain beliefs, vector 256-bit (8 floats), 2 threads"}. */
  @Override
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
  @Override
  public int step(int[] observations, int[] actionsOut) {
    ensureOpen();
    arguments.checkObservations(observations);
    arguments.checkActionsOut(actionsOut);
    return engine.step(observations, actionsOut);
  }

  /** Belief update only of every agent with an observation; policy results become unavailable. */
  @Override
  public int perceive(int[] observations) {
    ensureOpen();
    arguments.checkObservations(observations);
    return engine.perceive(observations);
  }

  /** Belief update of one agent ({@code observation[m]} per modality). */
  @Override
  public void perceive(int agent, int[] observation) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkObservation(agent, observation);
    engine.perceiveOne(agent, observation);
  }

  /** The agent's de-quantized posterior over the states of {@code factor} (normalised) into {@code out}. */
  @Override
  public void beliefs(int agent, int factor, float[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkFactor(factor);
    PopulationArguments.checkLength("out", out, dequantized.numStates(factor));
    engine.beliefs(agent, factor, out);
  }

  /**
   * The agent's de-quantized policy posterior from its last step.
   *
   * @throws IllegalStateException when its beliefs changed since then (it perceived, was reset or restored) or it
   *     never stepped
   */
  @Override
  public void policyPosterior(int agent, float[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    PopulationArguments.checkLength("out", out, dequantized.numPolicies());
    PopulationArguments.checkPolicyResults(agent, engine.hasPolicyResults(agent));
    engine.policyPosterior(agent, out);
  }

  /**
   * The agent's de-quantized action probabilities of {@code factor} from its last step.
   *
   * @throws IllegalStateException when its beliefs changed since then (it perceived, was reset or restored) or it
   *     never stepped
   */
  @Override
  public void actionProbabilities(int agent, int factor, float[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkFactor(factor);
    PopulationArguments.checkLength("out", out, dequantized.numControls(factor));
    PopulationArguments.checkPolicyResults(agent, engine.hasPolicyResults(agent));
    engine.actionProbabilities(agent, factor, out);
  }

  /**
   * Declares {@code action[f]} as the action the agent took after its latest observation (its next prior is
   * {@code B_f[:, :, action[f]] @ beliefs_f}); for replays and for comparing with another engine step by step.
   */
  @Override
  public void setPreviousAction(int agent, int[] action) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkAction(agent, action);
    engine.setPreviousAction(agent, action);
  }

  /** Returns the agent to its initial state: beliefs D, no previous action, empty history; the step count goes on. */
  @Override
  public void reset(int agent) {
    ensureOpen();
    arguments.checkAgent(agent);
    engine.reset(agent);
  }

  /**
   * The number of belief updates of the agent since the population was created, or since the count a
   * {@link #restore} set: the counter that keys its random numbers, as in {@link Population#stepCount(int)}.
   */
  @Override
  public long stepCount(int agent) {
    ensureOpen();
    arguments.checkAgent(agent);
    return engine.stepCount(agent);
  }

  /** The action the agent's next prior depends on, per factor, {@link #NO_ACTION} when none; see {@link Population}. */
  @Override
  public void previousAction(int agent, int[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    PopulationArguments.checkLength("out", out, factors);
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
  @Override
  public void restore(int agent, float[][] beliefs, int[] previousAction, long stepCount) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkBeliefs(agent, beliefs);
    arguments.checkRestoredAction(agent, previousAction);
    if (stepCount < 0 || stepCount > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("step count of agent " + agent + " is " + stepCount
          + "; the int8 engine counts steps in [0, " + Integer.MAX_VALUE + "]");
    }
    engine.restore(agent, beliefs, previousAction, (int) stepCount);
  }

  /** The agent's last belief updates, oldest first (at most the configured history length). */
  @Override
  public AgentHistory history(int agent) {
    ensureOpen();
    arguments.checkAgent(agent);
    return engine.history(agent);
  }

  /** Bytes held in per-agent arrays including the history (comparable with {@link Population#stateBytes()}). */
  @Override
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
}
