package io.freeagentics.bench.internal;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.Int8Population;

/**
 * What one throughput measurement runs: the model, the engine, the number of agents, the timed calls
 * ({@code steps} full cycles and as many population-wide belief updates, {@code latencySamples} single-agent
 * updates), the warm-up before each timed phase (at least {@code warmupSteps} calls and {@code warmupSeconds}),
 * threads ({@code 0} = every processor), kernel, seed, and the time the reference engine may take before its
 * agent count is capped.
 */
public record BenchPlan(
    GenerativeModel model,
    EngineKind engine,
    int agents,
    int steps,
    int warmupSteps,
    double warmupSeconds,
    int threads,
    KernelPreference kernel,
    long seed,
    int latencySamples,
    double referenceBudgetSeconds) {

  public BenchPlan {
    if (model == null || engine == null || kernel == null) {
      throw new IllegalArgumentException("model, engine and kernel must not be null");
    }
    requireAtLeast("agents", agents, 1);
    requireAtLeast("steps", steps, 1);
    requireAtLeast("warmupSteps", warmupSteps, 0);
    requireAtLeast("threads", threads, 0);
    requireAtLeast("latencySamples", latencySamples, 1);
    if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
      throw new IllegalArgumentException("warmupSeconds must be finite and not negative but was " + warmupSeconds);
    }
    if (!(referenceBudgetSeconds > 0) || Double.isInfinite(referenceBudgetSeconds)) {
      throw new IllegalArgumentException(
          "referenceBudgetSeconds must be finite and positive but was " + referenceBudgetSeconds);
    }
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be at least " + minimum + " but was " + value);
    }
  }

  /** The threads asked for, with {@code 0} resolved to the processors. */
  public int effectiveThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** The population configuration for {@code agentCount} agents. */
  public PopulationConfig populationConfig(int agentCount) {
    return new PopulationConfig(agentCount, PopulationConfig.DEFAULT_HISTORY_LENGTH, seed, threads, kernel,
        AgentSettings.defaults());
  }

  /** The engine this plan measures, with {@code agentCount} agents. */
  public BenchEngine createEngine(int agentCount) {
    return switch (engine) {
      case POPULATION -> {
        PopulationConfig config = populationConfig(agentCount);
        yield new PopulationBenchEngine("population", Population.create(model, config), config);
      }
      case REFERENCE -> new ReferenceBenchEngine(model, AgentSettings.defaults(), agentCount, effectiveThreads(), seed);
      case INT8 -> {
        PopulationConfig config = populationConfig(agentCount);
        yield new PopulationBenchEngine("int8", Int8Population.create(model, config), config);
      }
    };
  }
}
