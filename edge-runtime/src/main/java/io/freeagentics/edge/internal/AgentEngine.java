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

  /** Back to beliefs D, no previous action. */
  void reset(int agent);

  /** Belief update of one agent without acting. */
  void perceive(int agent, int[] observation);

  void setPreviousAction(int agent, int[] action);

  /** What computes, for log lines. */
  String description();

  @Override
  void close();
}
