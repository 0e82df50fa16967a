package io.freeagentics.edge;

import io.freeagentics.profiles.Engine;

/**
 * How an {@link EdgeRuntime} runs: the number of agents, how many ticks to run ({@code 0} = until stopped), the
 * inference engine, worker threads of the population ({@code 1} = the tick thread only), the seed of the agents'
 * random choices, whether to print {@code resumed after tick N} (or {@code fresh start}) at the start and a
 * {@code committed tick N} line after every commit (for supervisors and the crash test), and the milliseconds
 * between progress lines.
 */
public record EdgeRuntimeConfig(
    int agents, long maxTicks, Engine engine, int threads, long seed, boolean reportCommits, long progressEveryMs) {

  public EdgeRuntimeConfig {
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1 but was " + agents);
    }
    if (maxTicks < 0) {
      throw new IllegalArgumentException("maxTicks must not be negative (0 = until stopped) but was " + maxTicks);
    }
    if (engine == null) {
      throw new IllegalArgumentException("engine must not be null");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    if (progressEveryMs < 1) {
      throw new IllegalArgumentException("progressEveryMs must be at least 1 but was " + progressEveryMs);
    }
  }
}
