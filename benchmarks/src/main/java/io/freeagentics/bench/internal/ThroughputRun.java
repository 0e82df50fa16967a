package io.freeagentics.bench.internal;

import io.freeagentics.sim.SimulatedWorld;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * One throughput measurement of a {@link BenchPlan}, in four phases on one engine: memory (heap after GC with the
 * engine alive and warmed up, minus before it was created), full cycles, population-wide belief updates, and the
 * latency of single-agent belief updates (each call timed on its own). Each timed phase is preceded by its own
 * warm-up.
 */
public final class ThroughputRun {
  private static final long LATENCY_SEED_SALT = 0x6c61_7465_6e63_79L;

  private ThroughputRun() {}

  public static ThroughputResult run(BenchPlan plan, Progress progress) {
    int agents = plan.agents();
    Optional<String> capNote = Optional.empty();
    if (plan.engine() == EngineKind.REFERENCE) {
      ReferenceCapacity.Estimate estimate = ReferenceCapacity.estimate(plan, progress);
      if (estimate.maxAgents() < agents) {
        capNote = Optional.of(estimate.explain(agents));
        progress.say(capNote.get());
        agents = estimate.maxAgents();
      }
    }
    String modelName = plan.model().name();
    progress.say(String.format(Locale.ROOT, "%s engine, model %s, %d agents, %d threads: creating...",
        plan.engine().name().toLowerCase(Locale.ROOT), modelName, agents, plan.effectiveThreads()));
    SimulatedWorld world = new SimulatedWorld(plan.model(), agents, plan.seed());
    HeapMeter.Reading before = HeapMeter.usedAfterGc();
    try (BenchEngine engine = plan.createEngine(agents)) {
      CycleDriver driver = new CycleDriver(engine, world);
      progress.say("warming up full cycles (" + engine.description() + ")");
      int warmupSteps = driver.warmUpSteps(plan.warmupSteps(), plan.warmupSeconds(), progress);
      HeapMeter.Reading after = HeapMeter.usedAfterGc();
      double bytesPerAgent = (double) (after.usedBytes() - before.usedBytes()) / agents;
      OptionalDouble stateBytesPerAgent = engine.stateBytes().isPresent()
          ? OptionalDouble.of((double) engine.stateBytes().getAsLong() / agents)
          : OptionalDouble.empty();

      progress.say("timing " + plan.steps() + " full cycles");
      CycleDriver.Timing steps = driver.timeSteps(plan.steps(), progress);

      progress.say("timing " + plan.steps() + " belief updates of the whole population");
      driver.warmUpPerceives(plan.warmupSteps(), plan.warmupSeconds(), progress);
      CycleDriver.Timing perceives = driver.timePerceives(plan.steps(), progress);

      progress.say("timing " + plan.latencySamples() + " single-agent belief updates");
      LatencyPercentiles latency = measureLatency(engine, world, plan.latencySamples(), plan.seed());

      return new ThroughputResult(engine.name(), modelName, plan.agents(), agents, engine.threads(),
          engine.description(), warmupSteps, steps.calls(), steps.seconds(), steps.agentsPerSecond(),
          perceives.calls(), perceives.seconds(), perceives.agentsPerSecond(),
          engine.perceiveIncludesPolicyEvaluation(), latency, bytesPerAgent, before.stable() && after.stable(),
          stateBytesPerAgent, capNote);
    }
  }

  /**
   * Times {@code samples} single-agent belief updates of randomly chosen agents, each with its own clock reading,
   * after as many untimed ones.
   */
  static LatencyPercentiles measureLatency(BenchEngine engine, SimulatedWorld world, int samples,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ LATENCY_SEED_SALT);
    int[] observation = new int[world.modalities()];
    for (int i = 0; i < samples; i++) {
      int agent = random.nextInt(engine.agents());
      world.observe(agent, observation);
      engine.perceive(agent, observation);
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      int agent = random.nextInt(engine.agents());
      world.observe(agent, observation);
      long start = System.nanoTime();
      engine.perceive(agent, observation);
      nanos[i] = System.nanoTime() - start;
    }
    return LatencyPercentiles.of(nanos);
  }
}
