package io.freeagentics.bench.internal;

import io.freeagentics.sim.SimulatedWorld;

/**
 * Drives an engine through a {@link SimulatedWorld}: before each call the world draws the observations (from the
 * agents' true states, which the previous actions moved), after a full cycle it applies the chosen actions. Only
 * the engine call itself is timed; drawing observations and moving agents are not.
 */
final class CycleDriver {
  private final BenchEngine engine;
  private final SimulatedWorld world;
  private final int[] observations;
  private final int[] actions;

  CycleDriver(BenchEngine engine, SimulatedWorld world) {
    if (engine.agents() != world.agents()) {
      throw new IllegalArgumentException("engine has " + engine.agents() + " agents but the world has "
          + world.agents());
    }
    this.engine = engine;
    this.world = world;
    this.observations = new int[world.agents() * world.modalities()];
    this.actions = new int[world.agents() * world.factors()];
  }

  /** Totals of a timed phase: agents processed and nanoseconds spent inside the engine. */
  record Timing(int calls, long agentsProcessed, long nanos) {
    double seconds() {
      return nanos / 1e9;
    }

    double agentsPerSecond() {
      return agentsProcessed / seconds();
    }
  }

  /** One full perception–action cycle; returns the nanoseconds the engine took. */
  long step() {
    world.observe(observations);
    long start = System.nanoTime();
    int processed = engine.step(observations, actions);
    long nanos = System.nanoTime() - start;
    requireAll(processed);
    world.act(actions);
    return nanos;
  }

  /** One population-wide belief update (nobody moves); returns the nanoseconds the engine took. */
  long perceive() {
    world.observe(observations);
    long start = System.nanoTime();
    int processed = engine.perceive(observations);
    long nanos = System.nanoTime() - start;
    requireAll(processed);
    return nanos;
  }

  /** Runs {@code calls} timed full cycles. */
  Timing timeSteps(int calls, Progress progress) {
    long nanos = 0;
    for (int i = 0; i < calls; i++) {
      nanos += step();
      progress.tick("timed step", i + 1, calls);
    }
    return new Timing(calls, (long) calls * engine.agents(), nanos);
  }

  /** Runs {@code calls} timed belief updates. */
  Timing timePerceives(int calls, Progress progress) {
    long nanos = 0;
    for (int i = 0; i < calls; i++) {
      nanos += perceive();
      progress.tick("timed perceive", i + 1, calls);
    }
    return new Timing(calls, (long) calls * engine.agents(), nanos);
  }

  /** Warms up with full cycles: at least {@code minCalls} and at least {@code minSeconds}. Returns the calls. */
  int warmUpSteps(int minCalls, double minSeconds, Progress progress) {
    return warmUp(minCalls, minSeconds, progress, true);
  }

  /** Warms up with belief updates: at least {@code minCalls} and at least {@code minSeconds}. Returns the calls. */
  int warmUpPerceives(int minCalls, double minSeconds, Progress progress) {
    return warmUp(minCalls, minSeconds, progress, false);
  }

  private int warmUp(int minCalls, double minSeconds, Progress progress, boolean fullCycle) {
    long start = System.nanoTime();
    long minNanos = (long) (minSeconds * 1e9);
    int calls = 0;
    while (calls < minCalls || System.nanoTime() - start < minNanos) {
      if (fullCycle) {
        step();
      } else {
        perceive();
      }
      calls++;
      progress.tick("warm-up call", calls, Math.max(calls, minCalls));
    }
    return calls;
  }

  private void requireAll(int processed) {
    if (processed != engine.agents()) {
      throw new IllegalStateException("the engine processed " + processed + " of " + engine.agents()
          + " agents although every agent had an observation");
    }
  }
}
