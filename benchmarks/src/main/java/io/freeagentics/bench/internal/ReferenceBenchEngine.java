package io.freeagentics.bench.internal;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.ReferenceAgent;
import io.freeagentics.engine.StepResult;
import io.freeagentics.model.GenerativeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * N {@link ReferenceAgent} objects measured as one population: the double-precision oracle as a baseline. Agents
 * are split into one contiguous range per thread. The reference agent has no belief update on its own, so
 * {@link #perceive} runs its {@code step} (inference and policy evaluation) without choosing an action.
 */
public final class ReferenceBenchEngine implements BenchEngine {
  private final ReferenceAgent[] agents;
  private final int[][] previousActions;
  private final SplittableRandom[] rangeRandom;
  private final int modalities;
  private final int factors;
  private final int threads;
  private final ExecutorService pool;

  public ReferenceBenchEngine(GenerativeModel model, AgentSettings settings, int agentCount, int threads, long seed) {
    if (agentCount < 1) {
      throw new IllegalArgumentException("agents must be at least 1 but was " + agentCount);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    this.agents = new ReferenceAgent[agentCount];
    for (int i = 0; i < agentCount; i++) {
      agents[i] = new ReferenceAgent(model, settings);
    }
    this.previousActions = new int[agentCount][];
    this.modalities = model.numModalities();
    this.factors = model.numFactors();
    this.threads = Math.min(threads, agentCount);
    SplittableRandom root = new SplittableRandom(seed);
    this.rangeRandom = new SplittableRandom[this.threads];
    for (int t = 0; t < this.threads; t++) {
      rangeRandom[t] = root.split();
    }
    this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, runnable -> {
      Thread thread = new Thread(runnable, "reference-bench-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public int agents() {
    return agents.length;
  }

  @Override
  public String description() {
    return "reference engine (double precision, one ReferenceAgent object per agent)";
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public int step(int[] observations, int[] actionsOut) {
    checkLength("observations", observations, agents.length * modalities);
    checkLength("actionsOut", actionsOut, agents.length * factors);
    forEachRange((range, from, to) -> {
      int[] observation = new int[modalities];
      for (int i = from; i < to; i++) {
        System.arraycopy(observations, i * modalities, observation, 0, modalities);
        StepResult result = agents[i].step(observation, previousActions[i]);
        int[] action = agents[i].selectAction(result, rangeRandom[range]);
        previousActions[i] = action;
        System.arraycopy(action, 0, actionsOut, i * factors, factors);
      }
    });
    return agents.length;
  }

  @Override
  public int perceive(int[] observations) {
    checkLength("observations", observations, agents.length * modalities);
    forEachRange((range, from, to) -> {
      int[] observation = new int[modalities];
      for (int i = from; i < to; i++) {
        System.arraycopy(observations, i * modalities, observation, 0, modalities);
        agents[i].step(observation, previousActions[i]);
      }
    });
    return agents.length;
  }

  @Override
  public void perceive(int agent, int[] observation) {
    if (agent < 0 || agent >= agents.length) {
      throw new IndexOutOfBoundsException("agent " + agent + " is outside [0, " + agents.length + ")");
    }
    agents[agent].step(observation, previousActions[agent]);
  }

  @Override
  public boolean perceiveIncludesPolicyEvaluation() {
    return true;
  }

  @Override
  public OptionalLong stateBytes() {
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Work on the agents {@code [from, to)} of one range. */
  private interface RangeWork {
    void run(int range, int from, int to);
  }

  private void forEachRange(RangeWork work) {
    int n = agents.length;
    if (pool == null) {
      work.run(0, 0, n);
      return;
    }
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int range = 1; range < threads; range++) {
      int r = range;
      futures.add(pool.submit(() -> work.run(r, bound(r, n), bound(r + 1, n))));
    }
    work.run(0, 0, bound(1, n));
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for reference agents", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("a reference-agent worker failed", e.getCause());
      }
    }
  }

  private int bound(int range, int n) {
    return (int) ((long) n * range / threads);
  }

  private static void checkLength(String name, int[] array, int expected) {
    if (array == null || array.length != expected) {
      throw new IllegalArgumentException(name + " must have length " + expected + " but was "
          + (array == null ? "null" : "of length " + array.length));
    }
  }
}
