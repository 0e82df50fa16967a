package io.freeagentics.bench.internal;

import io.freeagentics.sim.SimulatedWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the population engine's full cycle at several population sizes. Each size gets a fresh population and
 * simulated world and its own warm-up; the number of timed steps is chosen from the warm-up so that every size is
 * timed for about {@code secondsPerPoint} (fewer steps for larger populations), at least {@link #MIN_STEPS}.
 */
public final class ScalingRun {
  static final int MIN_STEPS = 3;
  static final int MAX_STEPS = 1_000_000;
  private static final int STEPS_TO_ESTIMATE = 3;

  private ScalingRun() {}

  /**
   * @param plan the model, threads, kernel, seed and warm-up (its agent count, steps and engine are not used)
   * @param sizes the population sizes, each at least 1
   */
  public static ScalingResult run(BenchPlan plan, List<Integer> sizes, double secondsPerPoint, Progress progress) {
    if (plan.engine() != EngineKind.POPULATION) {
      throw new IllegalArgumentException("scaling runs measure the population engine, not " + plan.engine());
    }
    if (sizes == null || sizes.isEmpty()) {
      throw new IllegalArgumentException("scaling needs at least one population size");
    }
    if (!(secondsPerPoint > 0) || Double.isInfinite(secondsPerPoint)) {
      throw new IllegalArgumentException("secondsPerPoint must be finite and positive but was " + secondsPerPoint);
    }
    List<ScalingPoint> points = new ArrayList<>();
    String description = "";
    int threads = plan.effectiveThreads();
    for (int agents : sizes) {
      if (agents < 1) {
        throw new IllegalArgumentException("scaling sizes must be at least 1 but one was " + agents);
      }
      progress.say(String.format(Locale.ROOT, "scaling: %d agents", agents));
      SimulatedWorld world = new SimulatedWorld(plan.model(), agents, plan.seed());
      try (BenchEngine engine = plan.createEngine(agents)) {
        description = engine.description();
        threads = engine.threads();
        CycleDriver driver = new CycleDriver(engine, world);
        driver.warmUpSteps(plan.warmupSteps(), plan.warmupSeconds(), progress);
        long estimate = 0;
        for (int i = 0; i < STEPS_TO_ESTIMATE; i++) {
          estimate += driver.step();
        }
        double secondsPerStep = Math.max(estimate / 1e9 / STEPS_TO_ESTIMATE, 1e-9);
        int steps = (int) Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.round(secondsPerPoint / secondsPerStep)));
        CycleDriver.Timing timing = driver.timeSteps(steps, progress);
        ScalingPoint point = new ScalingPoint(agents, steps, timing.seconds(),
            (double) timing.nanos() / timing.agentsProcessed());
        points.add(point);
        progress.say(String.format(Locale.ROOT, "  %d agents: %.1f ns per agent-step over %d steps", agents,
            point.nanosPerAgentStep(), steps));
      }
    }
    return new ScalingResult(plan.model().name(), threads, description, points);
  }
}
