package io.freeagentics.edge.internal;

/**
 * The operations the edge runtime needs from a population of agents, so it can run on the float
 * {@code Population} or the quantised {@code Int8Population} alike. Layouts as in {@code Population}:
 * observations {@code [agent * M + m]}, actions {@code [agent * F + f]}.
 */
public interface AgentEngine extends AutoCloseable {
  int size();

  int factors();

  int modalities();

  int numStates(int factor);

  /** One perception-action cycle of every agent with an observation; returns the number processed. */
  int step(int[] observations, int[] actionsOut);

  void beliefs(int agent, int factor, float[] out);

  /** The agent's belief updates so far: the counter of its random numbers. */
  long stepCount(int agent);

  /**
   * Sets the agent's beliefs ({@code beliefs[f][s]}), previous action and step count from a checkpoint, so that it
   * continues as if the process had not stopped; as {@code Population.restore}.
   *
   * @throws IllegalArgumentException when the checkpoint does not fit the model or is not a valid state (the
   *     message names the agent, the factor and the problem); the agent is not changed then
   */
  void restore(int agent, float[][] beliefs, int[] previousAction, long stepCount);

  /** What computes, for log lines. */
  String description();

  @Override
  void close();
}
