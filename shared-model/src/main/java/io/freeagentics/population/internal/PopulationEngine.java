package io.freeagentics.population.internal;

import io.freeagentics.jvm.JvmCapabilities;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import java.lang.ref.Cleaner;

/**
 * Runs a population: finds the agents with an observation, splits the storage blocks into contiguous ranges of
 * about equal work, one per thread, and lets each worker process its range block by block. A storage block whose
 * agents all have an observation is processed in place (copied whole); the active agents of other blocks are packed
 * into full work blocks. Arguments are validated by {@link Population} before anything here runs.
 */
public final class PopulationEngine implements AutoCloseable {
  /** Stops the worker threads of populations that were dropped without {@link #close()}. */
  private static final Cleaner CLEANER = Cleaner.create();

  private final CompiledModel model;
  private final KernelChoice kernels;
  private final AgentStore store;
  private final WorkerPool pool;
  private final BlockWorker[] workers;
  private final AgentInference singleAgent;
  private final int[] activePerBlock;
  private final int[] rangeStart;
  private final String description;
  private final Cleaner.Cleanable stopWorkers;

  private PopulationEngine(GenerativeModel generativeModel, PopulationConfig config) {
    model = CompiledModel.compile(generativeModel, config.settings());
    kernels = KernelChoice.choose(config.kernel());
    store = new AgentStore(model, config.agents(), kernels.lanes, config.historyLength());
    int threads = Math.max(1, Math.min(config.effectiveThreads(), store.blocks));
    pool = new WorkerPool(threads);
    stopWorkers = CLEANER.register(this, pool::close);
    workers = new BlockWorker[threads];
    String kernelDescription = null;
    for (int t = 0; t < threads; t++) {
      LaneKernel kernel = kernels.newKernel(model);
      kernelDescription = kernel.description();
      workers[t] = new BlockWorker(kernel, config.seed());
    }
    singleAgent = new AgentInference(model);
    activePerBlock = new int[store.blocks];
    rangeStart = new int[threads + 1];
    String compiler = kernels.vector && !JvmCapabilities.C2 ? " under " + JvmCapabilities.COMPILER_NOTE + " (slow)" : "";
    description = kernelDescription + compiler + ", " + (model.sparseTransitions ? "sparse" : "dense") + " B, "
        + threads + (threads == 1 ? " thread" : " threads");
  }

  /** Compiles the model, chooses the kernels and allocates the agents. */
  public static PopulationEngine create(GenerativeModel model, PopulationConfig config) {
    return new PopulationEngine(model, config);
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
    int total = countActive(observations);
    if (total == 0) {
      return 0;
    }
    int parts = partition(total);
    pool.run(parts, part -> workers[part].process(rangeStart[part], rangeStart[part + 1], observations, actionsOut,
        fullStep));
    return total;
  }

  private int countActive(int[] observations) {
    int lanes = store.lanes;
    int modalities = model.modalities;
    int agents = store.agents;
    int total = 0;
    for (int b = 0; b < store.blocks; b++) {
      int active = 0;
      int end = Math.min(agents, (b + 1) * lanes);
      for (int agent = b * lanes; agent < end; agent++) {
        if (observations[agent * modalities] != Population.NO_OBSERVATION) {
          active++;
        }
      }
      activePerBlock[b] = active;
      total += active;
    }
    return total;
  }

  /** Splits the blocks into at most {@code workers.length} contiguous ranges of about equal active agents. */
  private int partition(int total) {
    int parts = Math.min(workers.length, (total + store.lanes - 1) / store.lanes);
    rangeStart[0] = 0;
    int part = 1;
    int seen = 0;
    for (int b = 0; b < store.blocks && part < parts; b++) {
      seen += activePerBlock[b];
      if ((long) seen * parts >= (long) total * part) {
        rangeStart[part++] = b + 1;
      }
    }
    parts = part;
    rangeStart[parts] = store.blocks;
    return parts;
  }

  public void perceiveOne(int agent, int[] observation) {
    store.perceiveOne(agent, observation, singleAgent);
  }

  public void beliefs(int agent, int factor, float[] out) {
    store.beliefs(agent, factor, out);
  }

  public boolean hasPolicyResults(int agent) {
    return store.hasPolicyResults(agent);
  }

  public void policyPosterior(int agent, float[] out) {
    store.policyPosterior(agent, out);
  }

  public void actionProbabilities(int agent, int factor, float[] out) {
    store.actionProbabilities(agent, factor, out);
  }

  public void setPreviousAction(int agent, int[] action) {
    store.setPreviousAction(agent, action);
  }

  public void reset(int agent) {
    store.reset(agent);
  }

  public void restore(int agent, float[][] marginals, int[] action, long stepCount) {
    store.restore(agent, marginals, action, stepCount);
  }

  public void previousAction(int agent, int[] out) {
    store.previousAction(agent, out);
  }

  public long stepCount(int agent) {
    return store.steps(agent);
  }

  public AgentHistory history(int agent) {
    return store.history(agent);
  }

  public long stateBytes() {
    return store.bytes();
  }

  @Override
  public void close() {
    stopWorkers.clean();
  }

  /** One worker's kernel, program and work blocks. */
  private final class BlockWorker {
    private final BlockProgram program;
    private final LaneKernel kernel;
    private final WorkBlock packed;
    private final WorkBlock direct;

    BlockWorker(LaneKernel kernel, long seed) {
      this.kernel = kernel;
      this.program = new BlockProgram(model, kernel, seed);
      this.packed = new WorkBlock(model, kernel.lanes);
      this.direct = new WorkBlock(model, kernel.lanes);
    }

    void process(int firstBlock, int endBlock, int[] observations, int[] actionsOut, boolean fullStep) {
      int lanes = store.lanes;
      int modalities = model.modalities;
      packed.clear();
      for (int b = firstBlock; b < endBlock; b++) {
        int active = activePerBlock[b];
        if (active == 0) {
          continue;
        }
        if (active == lanes) {
          direct.clear();
          direct.storageBlock = b;
          for (int l = 0; l < lanes; l++) {
            direct.agent[l] = b * lanes + l;
          }
          direct.count = lanes;
          run(direct, observations, actionsOut, fullStep);
          continue;
        }
        int end = Math.min(store.agents, (b + 1) * lanes);
        for (int agent = b * lanes; agent < end; agent++) {
          if (observations[agent * modalities] != Population.NO_OBSERVATION) {
            packed.agent[packed.count++] = agent;
            if (packed.isFull()) {
              run(packed, observations, actionsOut, fullStep);
              packed.clear();
            }
          }
        }
      }
      if (packed.count > 0) {
        run(packed, observations, actionsOut, fullStep);
        packed.clear();
      }
    }

    private void run(WorkBlock block, int[] observations, int[] actionsOut, boolean fullStep) {
      store.load(block, observations);
      program.updateBeliefs(block);
      if (fullStep) {
        program.evaluatePolicies(block);
        kernel.policyAndActionProbabilities(model, block);
        program.chooseActions(block);
      }
      store.store(block, fullStep, actionsOut);
    }
  }
}
