package io.freeagentics.bench.internal;

/** One population size of a scaling run: full cycles timed over {@code steps} calls. */
public record ScalingPoint(int agents, int steps, double seconds, double nanosPerAgentStep) {

  public double agentStepsPerSecond() {
    return 1e9 / nanosPerAgentStep;
  }
}
