package io.freeagentics.bench.internal;

import java.util.List;

/**
 * The cost per agent-step at several population sizes, and how flat it is: the largest cost divided by the
 * smallest ({@link #TARGET_RATIO} or less is the goal: the engine costs the same per agent at any scale).
 */
public record ScalingResult(String model, int threads, String kernelDescription, List<ScalingPoint> points) {
  /** The goal for {@link #maxMinRatio()}: per-agent cost flat within 20%. */
  public static final double TARGET_RATIO = 1.2;

  public ScalingResult {
    if (points == null || points.isEmpty()) {
      throw new IllegalArgumentException("a scaling result needs at least one point");
    }
    points = List.copyOf(points);
  }

  public double maxMinRatio() {
    double max = points.stream().mapToDouble(ScalingPoint::nanosPerAgentStep).max().orElseThrow();
    double min = points.stream().mapToDouble(ScalingPoint::nanosPerAgentStep).min().orElseThrow();
    return max / min;
  }

  public boolean withinTarget() {
    return maxMinRatio() <= TARGET_RATIO;
  }
}
