package io.freeagentics.bench.jmh;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The population engine on grid:5, shared by the population benchmarks, which differ only in their sizes and in
 * the agent updates per invocation (a constant of each class, as {@code @OperationsPerInvocation} needs). The
 * {@code SCALAR} kernel is the in-engine baseline of the {@code AUTO} choice; {@code -p threads=1} measures one
 * core.
 */
@State(Scope.Benchmark)
public abstract class AbstractPopulationBenchmark {
  private static final int GRID_SIDE = 5;

  @Param({"AUTO", "SCALAR"})
  public KernelPreference kernel;

  /** Worker threads of the population, 0 = one per processor. */
  @Param({"0"})
  public int threads;

  private Population population;
  private ObservationFrames frames;
  private int[] actions;
  private int callsPerInvocation;

  /** The number of agents. */
  abstract int agents();

  /** Agent updates per invocation, a multiple of {@link #agents()}. */
  abstract int agentUpdatesPerInvocation();

  @Setup(Level.Trial)
  public void setUp() {
    int agents = agents();
    if (agentUpdatesPerInvocation() % agents != 0) {
      throw new IllegalArgumentException("agents must divide " + agentUpdatesPerInvocation() + " but was " + agents);
    }
    GenerativeModel model = BuiltInModels.grid(GRID_SIDE);
    population = Population.create(model, PopulationConfig.of(agents).withKernel(kernel).withThreads(threads));
    frames = ObservationFrames.draw(model, agents, 1L);
    actions = new int[agents * model.numFactors()];
    callsPerInvocation = agentUpdatesPerInvocation() / agents;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    population.close();
  }

  /** Belief updates of every agent, repeated to the invocation's agent updates; returns the agents processed. */
  final long perceiveAll() {
    long processed = 0;
    for (int call = 0; call < callsPerInvocation; call++) {
      processed += population.perceive(frames.observations(frames.advance()));
    }
    return processed;
  }

  /** Full perception–action cycles of every agent, repeated to the invocation's agent updates. */
  final void stepAll(Blackhole blackhole) {
    for (int call = 0; call < callsPerInvocation; call++) {
      blackhole.consume(population.step(frames.observations(frames.advance()), actions));
    }
    blackhole.consume(actions);
  }
}
