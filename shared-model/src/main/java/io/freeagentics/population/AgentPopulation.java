package io.freeagentics.population;

/**
 * N Active Inference agents sharing one model and advanced together, whatever the number format of their state:
 * the common face of the float {@link Population} and the 8-bit {@code io.freeagentics.quant.Int8Population}. It
 * exists so that callers that only drive agents (runtimes, benchmarks, checkpointing) are written once for both.
 *
 * <p>Layouts: {@code observations[agent * M + m]} ({@code M} modalities), {@code actions[agent * F + f]} ({@code F}
 * factors); an agent whose modality-0 observation is {@link Population#NO_OBSERVATION} is skipped. Arguments are
 * checked before any agent changes, so a rejected call leaves every agent as it was. Implementations are not safe
 * for concurrent use; after {@link #close()} every other call fails with {@link IllegalStateException}. The model
 * itself is not part of this type because each implementation exposes it in its own form.
 */
public interface AgentPopulation extends AutoCloseable {
  /** The number of agents. */
  int size();

  /** The configuration the population was created with. */
  PopulationConfig config();

  /** What the population computes with, for log lines and benchmark reports. */
  String kernelDescription();

  /**
   * One full perception–action cycle for every agent with an observation; the chosen actions are written to
   * {@code actionsOut} and become the agents' previous actions.
   *
   * @return the number of agents processed
   * @throws IllegalArgumentException on wrong array lengths or an observation outside its range
   */
  int step(int[] observations, int[] actionsOut);

  /**
   * Belief update only of every agent with an observation; their policy results become unavailable.
   *
   * @return the number of agents processed
   */
  int perceive(int[] observations);

  /** Belief update of one agent ({@code observation[m]} per modality). */
  void perceive(int agent, int[] observation);

  /** Copies the agent's posterior over the states of {@code factor} into {@code out} (length numStates[factor]). */
  void beliefs(int agent, int factor, float[] out);

  /**
   * Copies the agent's posterior over policies from its last step into {@code out}.
   *
   * @throws IllegalStateException when the agent's beliefs changed since then or it never stepped
   */
  void policyPosterior(int agent, float[] out);

  /**
   * Copies the agent's action probabilities of {@code factor} from its last step into {@code out}.
   *
   * @throws IllegalStateException when the agent's beliefs changed since then or it never stepped
   */
  void actionProbabilities(int agent, int factor, float[] out);

  /** Declares {@code action[f]} as the action the agent took after its latest observation. */
  void setPreviousAction(int agent, int[] action);

  /** Returns the agent to its initial state: beliefs D, no previous action, empty history; the step count goes on. */
  void reset(int agent);

  /** The agent's last belief updates, oldest first (at most the configured history length). */
  AgentHistory history(int agent);

  /** Bytes held in per-agent arrays, history included. */
  long stateBytes();

  /**
   * Sets the agent's beliefs ({@code beliefs[f][s]}), previous action and step count from a checkpoint, so that it
   * continues exactly as the uninterrupted agent would have.
   *
   * @throws IllegalArgumentException when the checkpoint is not a valid state for this population (the message
   *     names the agent, the factor where there is one, and the problem); the agent is not changed then
   */
  void restore(int agent, float[][] beliefs, int[] previousAction, long stepCount);

  /** The number of belief updates of the agent: the counter that keys its random numbers. */
  long stepCount(int agent);

  /** Copies the agent's previous action per factor into {@code out}, {@link Population#NO_ACTION} when none. */
  void previousAction(int agent, int[] out);

  /** Stops the worker threads; later calls fail with {@link IllegalStateException}. Idempotent. */
  @Override
  void close();
}
