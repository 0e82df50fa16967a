package io.freeagentics.quant.internal;

import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.QuantizedModel;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an int8 population: the agents are split into one contiguous range per thread and each worker steps the
 * agents of its range that have an observation. Every agent's result depends only on its own record, observation
 * and counter-based random numbers, so it is the same for any number of threads. Arguments are validated by
 * {@code Int8Population} before anything here runs.
 */
public final class Int8Engine implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final int NO_OBSERVATION = -1;

  private final Int8Tables tables;
  private final Int8AgentStore store;
  private final MatrixKernel kernel;
  private final Int8AgentStep[] workers;
  private final ExecutorService executor;
  private final Cleaner.Cleanable stopThreads;
  private final String description;

  private Int8Engine(QuantizedModel model, PopulationConfig config) {
    tables = Int8Tables.compile(model, config.settings());
    for (int f = 0; f < tables.factors; f++) {
      if (tables.numControls[f] > 255) {
        throw new IllegalArgumentException("factor " + f + " has " + tables.numControls[f]
            + " controls; the int8 engine stores actions in a byte (at most 255)");
      }
    }
    if (config.historyLength() > 0) {
      for (int m = 0; m < tables.modalities; m++) {
        if (tables.numObs[m] > Short.MAX_VALUE) {
          throw new IllegalArgumentException("modality " + m + " has " + tables.numObs[m] + " outcomes; the int8 "
              + "history stores observations in a short (at most " + Short.MAX_VALUE + ")");
        }
      }
    }
    store = new Int8AgentStore(tables, config.agents(), config.historyLength());
    kernel = KernelSelection.choose(config.kernel());
    int threads = Math.max(1, Math.min(config.effectiveThreads(), config.agents()));
    workers = new Int8AgentStep[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Int8AgentStep(store, kernel, config.seed());
    }
    if (threads > 1) {
      ExecutorService pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
        Thread thread = new Thread(runnable, "int8-population-worker");
        thread.setDaemon(true);
        return thread;
      });
      executor = pool;
      stopThreads = CLEANER.register(this, pool::shutdownNow);
    } else {
      executor = null;
      stopThreads = null;
    }
    description = "int8 log-domain beliefs, " + kernel.description() + ", " + threads
        + (threads == 1 ? " thread" : " threads");
  }

  /**
   * Compiles the model's tables, chooses the kernel and allocates the agents.
   *
   * @throws IllegalArgumentException when the settings ask for learning or parameter information gain, or the
   *     model is too large for the engine
   */
  public static Int8Engine create(QuantizedModel model, PopulationConfig config) {
    return new Int8Engine(model, config);
  }

  public String description() {
    return description;
  }

  public int step(int[] observations, int[] actionsOut) {
    return run(observations, actionsOut, true);
  }

  public int perceive(int[] observations) {
    return run(observations, null, false);
  }

  private int run(int[] observations, int[] actionsOut, boolean fullStep) {
    int agents = store.agents;
    int parts = workers.length;
    if (parts == 1) {
      return runRange(workers[0], 0, agents, observations, actionsOut, fullStep);
    }
    List<Future<Integer>> pending = new ArrayList<>(parts - 1);
    for (int part = 1; part < parts; part++) {
      Int8AgentStep worker = workers[part];
      int from = (int) ((long) agents * part / parts);
      int to = (int) ((long) agents * (part + 1) / parts);
      pending.add(executor.submit(() -> runRange(worker, from, to, observations, actionsOut, fullStep)));
    }
    int processed = runRange(workers[0], 0, (int) ((long) agents / parts), observations, actionsOut, fullStep);
    for (Future<Integer> future : pending) {
      try {
        processed += future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the int8 workers ran", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("an int8 worker failed: " + e.getCause(), e.getCause());
      }
    }
    return processed;
  }

  private int runRange(Int8AgentStep worker, int from, int to, int[] observations, int[] actionsOut,
      boolean fullStep) {
    int modalities = tables.modalities;
    int processed = 0;
    for (int agent = from; agent < to; agent++) {
      int base = agent * modalities;
      if (observations[base] == NO_OBSERVATION) {
        continue;
      }
      if (fullStep) {
        worker.step(agent, observations, base, actionsOut);
      } else {
        worker.perceive(agent, observations, base);
      }
      processed++;
    }
    return processed;
  }

  public void perceiveOne(int agent, int[] observation) {
    workers[0].perceive(agent, observation, 0);
  }

  public void beliefs(int agent, int factor, float[] out) {
    store.decode(agent, tables.stateOffset[factor], tables.numStates[factor], out);
  }

  public boolean hasPolicyResults(int agent) {
    return store.hasPolicyResults(agent);
  }

  public void policyPosterior(int agent, float[] out) {
    store.decode(agent, store.policyBase, tables.policyCount, out);
  }

  public void actionProbabilities(int agent, int factor, float[] out) {
    store.decode(agent, store.controlBase + tables.controlOffset[factor], tables.numControls[factor], out);
  }

  public void setPreviousAction(int agent, int[] action) {
    store.setPreviousAction(agent, action, 0);
  }

  public void reset(int agent) {
    store.clear(agent);
  }

  public void restore(int agent, float[][] marginals, int[] action, int stepCount) {
    store.restore(agent, marginals, action, stepCount);
  }

  public void previousAction(int agent, int[] out) {
    for (int f = 0; f < tables.factors; f++) {
      out[f] = store.previousAction(agent, f);
    }
  }

  public long stepCount(int agent) {
    return store.steps[agent];
  }

  public AgentHistory history(int agent) {
    return store.history(agent);
  }

  /** Bytes of the per-agent arrays without history. */
  public long stateBytes() {
    return store.stateBytes();
  }

  /** Bytes of the history ring buffers. */
  public long historyBytes() {
    return store.historyBytes();
  }

  @Override
  public void close() {
    if (stopThreads != null) {
      stopThreads.clean();
    }
  }
}
