package io.freeagentics.bench.internal;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.sim.SimulatedWorld;
import java.util.Locale;

/**
 * How many reference agents a run can afford: measures the cost of a few agents (time per agent-step on one
 * thread after a short warm-up, heap per agent) and derives the largest count whose run fits the plan's time budget and half of the
 * free heap.
 */
final class ReferenceCapacity {
  private static final int CALIBRATION_AGENTS = 64;
  private static final int CALIBRATION_WARMUP_STEPS = 5;
  /** Long enough for the JIT to compile the reference agent, so that the cost is not overestimated. */
  private static final double CALIBRATION_WARMUP_SECONDS = 1.0;
  private static final int CALIBRATION_STEPS = 20;

  private ReferenceCapacity() {}

  /** The measured costs and the agent count they allow. */
  record Estimate(double nanosPerAgentStep, double bytesPerAgent, int maxAgentsByTime, int maxAgentsByMemory,
      double budgetSeconds) {
    int maxAgents() {
      return Math.max(1, Math.min(maxAgentsByTime, maxAgentsByMemory));
    }

    String explain(int requested) {
      boolean timeBound = maxAgentsByTime <= maxAgentsByMemory;
      String reason = timeBound
          ? String.format(Locale.ROOT, "%d agents would take longer than the %.0f s budget (%.1f us per agent-step "
              + "measured on one thread); raise it with --reference-budget-seconds", requested, budgetSeconds,
              nanosPerAgentStep / 1e3)
          : String.format(Locale.ROOT, "%d agents would need more than half of the free heap (%.0f bytes per "
              + "reference agent measured); raise the heap with FA_JAVA_OPTS=-Xmx...", requested, bytesPerAgent);
      return "the reference engine is capped at " + maxAgents() + " agents: " + reason;
    }
  }

  static Estimate estimate(BenchPlan plan, Progress progress) {
    int agents = Math.min(CALIBRATION_AGENTS, plan.agents());
    progress.say("calibrating the reference engine on " + agents + " agents");
    SimulatedWorld world = new SimulatedWorld(plan.model(), agents, plan.seed());
    HeapMeter.Reading before = HeapMeter.usedAfterGc();
    double nanosPerAgentStep;
    double bytesPerAgent;
    try (BenchEngine engine = new ReferenceBenchEngine(plan.model(),
        AgentSettings.defaults(), agents, 1, plan.seed())) {
      HeapMeter.Reading after = HeapMeter.usedAfterGc();
      bytesPerAgent = Math.max(1.0, (double) (after.usedBytes() - before.usedBytes()) / agents);
      CycleDriver driver = new CycleDriver(engine, world);
      driver.warmUpSteps(CALIBRATION_WARMUP_STEPS, CALIBRATION_WARMUP_SECONDS, progress);
      CycleDriver.Timing timing = driver.timeSteps(CALIBRATION_STEPS, progress);
      nanosPerAgentStep = (double) timing.nanos() / timing.agentsProcessed();
    }
    // Per agent: warm-up and timed calls of step and of perceive; latency samples do not grow with the agents.
    double fixedSeconds = 2 * plan.warmupSeconds() + 2.0 * plan.latencySamples() * nanosPerAgentStep / 1e9;
    double secondsPerAgent = 2.0 * (plan.warmupSteps() + plan.steps()) * nanosPerAgentStep / 1e9
        / plan.effectiveThreads();
    double available = Math.max(0, plan.referenceBudgetSeconds() - fixedSeconds);
    int byTime = (int) Math.min(Integer.MAX_VALUE, Math.floor(available / secondsPerAgent));
    Runtime runtime = Runtime.getRuntime();
    long freeHeap = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    int byMemory = (int) Math.min(Integer.MAX_VALUE, Math.floor(0.5 * freeHeap / bytesPerAgent));
    return new Estimate(nanosPerAgentStep, bytesPerAgent, byTime, byMemory, plan.referenceBudgetSeconds());
  }
}
