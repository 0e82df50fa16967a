package io.freeagentics.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The project's targets for a throughput run, each checked against what was measured: the design floor of 10,000
 * agent updates per second, and for grid:5 (the model the targets are set on) at least 10x the NumPy baseline run
 * in the same session, a single-agent belief update of at most 1 µs at p50, and (float engine) at most 1 KB per
 * agent with a 16-step history. The int8 engine's 64-byte budget excludes the history, which this harness keeps, so
 * its tests check it instead.
 */
public final class BenchTargets {
  /** The model the targets are stated for. */
  static final String TARGET_MODEL = "grid:5";

  private BenchTargets() {}

  /** One target: what it asks, what was measured, and whether the measurement meets it. */
  public record Target(String key, String description, double measured, double bound, boolean atLeast) {
    /** Whether the measured value is on the right side of the bound. */
    public boolean met() {
      return atLeast ? measured >= bound : measured <= bound;
    }
  }

  /** The targets that apply to this run (grid:5 targets only on grid:5, the NumPy ratio only when it was run). */
  public static List<Target> of(ThroughputResult result, Optional<NumpyResult> numpy) {
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("agent_updates_floor", "full cycles >= 10,000 agent-steps/s (design floor)",
        result.agentStepsPerSecond(), 10_000, true));
    if (!TARGET_MODEL.equals(result.model()) || result.engine().equals("reference")) {
      return targets;
    }
    numpy.ifPresent(n -> targets.add(new Target("numpy_ratio_min_10", "full cycles >= 10x the NumPy baseline",
        result.agentStepsPerSecond() / n.agentStepsPerSecond(), 10, true)));
    targets.add(new Target("latency_p50_max_1us", "single-agent belief update p50 <= 1 us",
        result.latency().p50Micros(), 1.0, false));
    if (result.engine().equals("population")) {
      targets.add(new Target("bytes_per_agent_max_1kb", "<= 1 KB per agent with a 16-step history",
          result.bytesPerAgent(), 1024, false));
    }
    return targets;
  }

  /** One line per target for the text report. */
  static String describe(Target target) {
    return String.format(Locale.ROOT, "%-4s %s (measured %.4g)", target.met() ? "met" : "MISS", target.description(),
        target.measured());
  }
}
