package io.freeagentics.bench.internal;

import java.util.OptionalLong;

/**
 * An inference engine under measurement, seen as a population of agents with {@code Population}'s array layouts:
 * {@code observations[agent * M + m]}, {@code actions[agent * F + f]}.
 */
public interface BenchEngine extends AutoCloseable {
  /** {@code population} or {@code reference}. */
  String name();

  int agents();

  /** What computes: the kernel and its options as the engine describes them. */
  String description();

  /** The number of threads the engine works with. */
  int threads();

  /** A full perception–action cycle of every agent; returns the number of agents processed. */
  int step(int[] observations, int[] actionsOut);

  /** A belief update of every agent; returns the number of agents processed. */
  int perceive(int[] observations);

  /** A belief update of one agent. */
  void perceive(int agent, int[] observation);

  /** Whether {@link #perceive} also evaluates policies (the reference engine offers no separate belief update). */
  boolean perceiveIncludesPolicyEvaluation();

  /** Bytes of per-agent state the engine reports for itself, when it does. */
  OptionalLong stateBytes();

  @Override
  void close();
}
