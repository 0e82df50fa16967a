package io.freeagentics.population;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.internal.PopulationArguments;
import io.freeagentics.population.internal.PopulationEngine;

/**
 * N Active Inference agents sharing one {@link GenerativeModel}, advanced together: the product's throughput
 * engine. Every agent follows the pymdp protocol (the {@code io.freeagentics.engine.ReferenceAgent} semantics,
 * without learning) in single precision; the beliefs of all agents are held in one contiguous float array, not in
 * one object per agent.
 *
 * <p>One {@link #step(int[], int[])} call updates beliefs, evaluates the expected free energy of every policy,
 * forms policy posteriors and picks an action for every agent that received an observation; agents without one are
 * left untouched. The work is spread over a small pool of threads owned by the population, and every agent's
 * result, including its seeded random choices (keyed by seed, agent index and the agent's own step count), is the
 * same for any number of threads. Each agent keeps a ring buffer of its last {@code historyLength} observations,
 * actions and free energies.
 *
 * <p>Agreement with the reference engine: beliefs within 1e-4, policy posteriors and action probabilities within
 * 1e-3, free energies within 1e-3 relative. Single-factor belief updates are exact Bayes in float; several factors
 * run pymdp's fixed-point iteration per agent in double. The expected free energy is evaluated on the joint state
 * and outcome spaces; unlike pymdp, the state information gain sums over all joint states rather than only those
 * with predicted probability above {@code e^-16} (the difference is below 1e-5). Learning is not supported: a
 * population shares one model.
 *
 * <p>An agent's state can be saved and set again, for example across a restart of the process: its beliefs
 * ({@link #beliefs}), its {@link #previousAction} and its {@link #stepCount} are all a later step depends on, and
 * {@link #restore} puts them into an agent, after which it continues exactly as the uninterrupted agent would have.
 *
 * <p>Instances are not safe for concurrent use: call them from one thread at a time. Arguments are checked before
 * any agent is changed, so a rejected call leaves every agent as it was. {@link #close()} stops the threads.
 */
public final class Population implements AgentPopulation {
  /** Marks an agent without an observation in {@link #step(int[], int[])} and {@link #perceive(int[])}. */
  public static final int NO_OBSERVATION = -1;
  /** The action recorded in a history entry after which no action was taken. */
  public static final int NO_ACTION = -1;
  /** How far from 1 the sum of a restored belief distribution may be before {@link #restore} rejects it. */
  public static final double RESTORE_SUM_TOLERANCE = 1e-3;

  /** The spacing of floats just below 1: the slack of a float distribution's sum after float normalisation. */
  private static final double FLOAT_EPSILON = 0x1.0p-23;

  private final GenerativeModel model;
  private final PopulationConfig config;
  private final PopulationEngine engine;
  private final PopulationArguments arguments;
  private final int agents;
  private final int factors;
  private boolean closed;

  private Population(GenerativeModel model, PopulationConfig config, PopulationEngine engine) {
    this.model = model;
    this.config = config;
    this.engine = engine;
    this.arguments = new PopulationArguments(model, config.agents());
    this.agents = config.agents();
    this.factors = model.numFactors();
  }

  /**
   * A population of {@code config.agents()} agents, each at its initial beliefs {@code D} with no previous action.
   *
   * @throws IllegalArgumentException when the settings ask for learning or parameter information gain (a shared
   *     model cannot learn per agent; use the reference engine), or the model's joint state or outcome space is
   *     too large for the population engine
   * @throws IllegalStateException when {@link KernelPreference#VECTOR} is asked for but the Vector API module is
   *     not available
   */
  public static Population create(GenerativeModel model, PopulationConfig config) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new Population(model, config, PopulationEngine.create(model, config));
  }

  /** The number of agents. */
  @Override
  public int size() {
    return agents;
  }

  public GenerativeModel model() {
    return model;
  }

  @Override
  public PopulationConfig config() {
    return config;
  }

  /** What the population computes with, for example {@code "vector 512-bit (16 lanes), fma, sparse B, 2 threads"}. */
  @Override
  public String kernelDescription() {
    return engine.description();
  }

  /**
   * One full perception–action cycle for every agent with an observation. {@code observations[agent * M + m]} is
   * the outcome of modality {@code m} for {@code agent} ({@code M} modalities); an agent whose modality-0 entry is
   * {@link #NO_OBSERVATION} is skipped (its beliefs, history and action stay as they are). For every processed
   * agent the chosen action of factor {@code f} is written to {@code actionsOut[agent * F + f]} and becomes the
   * agent's previous action; other entries of {@code actionsOut} are not touched.
   *
   * @return the number of agents processed
   * @throws IllegalArgumentException on wrong array lengths or an observation outside its modality's range
   *     (naming agent, modality and value); no agent is changed then
   */
  @Override
  public int step(int[] observations, int[] actionsOut) {
    ensureOpen();
    arguments.checkObservations(observations);
    arguments.checkActionsOut(actionsOut);
    return engine.step(observations, actionsOut);
  }

  /**
   * Belief update only, without policy evaluation or action, for every agent with an observation (same layout and
   * skipping rule as {@link #step(int[], int[])}). The agents keep their previous actions, and their policy
   * posteriors are no longer available until their next step.
   *
   * @return the number of agents processed
   */
  @Override
  public int perceive(int[] observations) {
    ensureOpen();
    arguments.checkObservations(observations);
    return engine.perceive(observations);
  }

  /** Belief update of one agent ({@code observation[m]} per modality): the single-agent latency path. */
  @Override
  public void perceive(int agent, int[] observation) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkObservation(agent, observation);
    engine.perceiveOne(agent, observation);
  }

  /** Copies the agent's posterior over the states of {@code factor} into {@code out} (length numStates[factor]). */
  @Override
  public void beliefs(int agent, int factor, float[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkFactor(factor);
    PopulationArguments.checkLength("out", out, model.numStates(factor));
    engine.beliefs(agent, factor, out);
  }

  /**
   * Copies the agent's posterior over policies from its last {@link #step(int[], int[])} into {@code out}.
   *
   * @throws IllegalStateException when the agent's beliefs changed since then (it perceived, was reset or
   *     restored) or it never stepped
   */
  @Override
  public void policyPosterior(int agent, float[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    PopulationArguments.checkLength("out", out, model.numPolicies());
    PopulationArguments.checkPolicyResults(agent, engine.hasPolicyResults(agent));
    engine.policyPosterior(agent, out);
  }

  /**
   * Copies the agent's action probabilities of {@code factor} from its last {@link #step(int[], int[])} into
   * {@code out} (length numControls[factor]).
   *
   * @throws IllegalStateException when the agent's beliefs changed since then (it perceived, was reset or
   *     restored) or it never stepped
   */
  @Override
  public void actionProbabilities(int agent, int factor, float[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkFactor(factor);
    PopulationArguments.checkLength("out", out, model.numControls(factor));
    PopulationArguments.checkPolicyResults(agent, engine.hasPolicyResults(agent));
    engine.actionProbabilities(agent, factor, out);
  }

  /**
   * Declares {@code action[f]} as the action the agent took after its latest observation: its next prior is
   * {@code B_f[:, :, action[f]] @ beliefs_f}, and its latest history entry records this action. For replays and
   * tests; {@link #step(int[], int[])} sets it itself.
   */
  @Override
  public void setPreviousAction(int agent, int[] action) {
    ensureOpen();
    arguments.checkAgent(agent);
    arguments.checkAction(agent, action);
    engine.setPreviousAction(agent, action);
  }

  /**
   * Returns the agent to its initial state: beliefs {@code D}, no previous action, empty history. The step count
   * goes on counting, so the agent does not draw the random numbers of its first steps again.
   */
  @Override
  public void reset(int agent) {
    ensureOpen();
    arguments.checkAgent(agent);
    engine.reset(agent);
  }

  /**
   * The number of belief updates of the agent (steps and perceptions) since the population was created, or since
   * the count a {@link #restore} set: the counter that keys its random numbers. Saved with a checkpoint so that a
   * restored agent continues its random stream where it left off.
   */
  @Override
  public long stepCount(int agent) {
    ensureOpen();
    arguments.checkAgent(agent);
    return engine.stepCount(agent);
  }

  /**
   * Copies the agent's previous action into {@code out} (length numFactors): the action its next prior depends on,
   * as its last step or {@link #setPreviousAction} set it (a perception keeps it), {@link #NO_ACTION} in every
   * factor when it has none (its next prior is then {@code D}).
   */
  @Override
  public void previousAction(int agent, int[] out) {
    ensureOpen();
    arguments.checkAgent(agent);
    PopulationArguments.checkLength("out", out, factors);
    engine.previousAction(agent, out);
  }

  /**
   * Sets the agent's state from a checkpoint, for example after a restart: its posterior {@code beliefs[f]} over
   * the states of every factor {@code f}, the action {@code previousAction[f]} it took after them (every entry
   * {@link #NO_ACTION} for none: its next prior is then {@code D}), and its {@link #stepCount}. Its history is
   * emptied (a checkpoint does not hold one) and it has no policy results until its next step. Restoring what
   * {@link #beliefs}, {@link #previousAction} and {@link #stepCount} gave, into the same agent index
   * of a population with the same model, settings and seed, makes every later result identical, bit for bit, to
   * that of the agent that was never interrupted, stochastic action selection included.
   *
   * <p>Each distribution must have the factor's number of states, finite non-negative entries, and sum to 1 within
   * {@link #RESTORE_SUM_TOLERANCE}; one that does is divided by its sum unless it already sums to 1 to float
   * precision (within {@code (numStates + 2) * 2^-23}), in which case it is kept bit for bit.
   *
   * @throws IllegalArgumentException when a distribution, the previous action or the step count is invalid (the
   *     message names the agent, the factor where there is one, and the problem); the agent is not changed then
   */
  @Override
  public void restore(int agent, float[][] beliefs, int[] previousAction, long stepCount) {
    ensureOpen();
    arguments.checkAgent(agent);
    float[][] marginals = checkedBeliefs(agent, beliefs);
    arguments.checkRestoredAction(agent, previousAction);
    if (stepCount < 0) {
      throw new IllegalArgumentException("step count of agent " + agent + " is " + stepCount
          + "; it must not be negative");
    }
    engine.restore(agent, marginals, previousAction, stepCount);
  }

  /** The agent's last belief updates, oldest first (at most the configured history length). */
  @Override
  public AgentHistory history(int agent) {
    ensureOpen();
    arguments.checkAgent(agent);
    return engine.history(agent);
  }

  /** Bytes held in per-agent arrays (beliefs, policy results, previous actions, counters, history). */
  @Override
  public long stateBytes() {
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
      throw new IllegalStateException("population is closed");
    }
  }

  /** The checkpointed distributions, validated and normalised into new arrays (see {@link #restore}). */
  private float[][] checkedBeliefs(int agent, float[][] beliefs) {
    double[] sums = arguments.checkBeliefs(agent, beliefs);
    float[][] marginals = new float[factors][];
    for (int f = 0; f < factors; f++) {
      float[] q = beliefs[f];
      int states = model.numStates(f);
      double sum = sums[f];
      marginals[f] = q.clone();
      if (Math.abs(sum - 1.0) > (states + 2) * FLOAT_EPSILON) {
        for (int s = 0; s < states; s++) {
          marginals[f][s] = (float) (q[s] / sum);
        }
      }
    }
    return marginals;
  }
}
