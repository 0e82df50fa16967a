package io.freeagentics.bench.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.quant.AgreementReport;
import java.util.Locale;
import java.util.Optional;

/**
 * The two report formats of {@code fa bench}: an aligned text block for people and one JSON object for scripts.
 * JSON keys are snake_case; rates are per second, latencies in microseconds, memory in bytes per agent.
 */
public final class BenchReports {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchReports() {}

  /** The text report of a throughput run, with the NumPy comparison when there is one. */
  public static String text(ThroughputResult result, Optional<NumpyResult> numpy) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "fa bench: %s engine, model %s, %d agents, %d threads asked for%n",
        result.engine(), result.model(), result.agents(), result.threads()));
    result.capNote().ifPresent(note -> out.append("  note          ").append(note).append('\n'));
    line(out, "jvm", JvmInfo.describe());
    line(out, "kernel", result.kernelDescription());
    line(out, "full cycle", String.format(Locale.ROOT, "%s agent-steps/s (%.1f ns per agent-step; %d steps timed, "
        + "%.3f s, after %d warm-up steps)", rate(result.agentStepsPerSecond()), 1e9 / result.agentStepsPerSecond(),
        result.steps(), result.stepSeconds(), result.warmupSteps()));
    line(out, "belief update", String.format(Locale.ROOT, "%s belief updates/s (%.1f ns per agent; %d population-wide "
        + "calls timed, %.3f s)%s", rate(result.beliefUpdatesPerSecond()), 1e9 / result.beliefUpdatesPerSecond(),
        result.perceiveCalls(), result.perceiveSeconds(),
        result.perceiveIncludesPolicyEvaluation() ? "; the reference engine's update includes policy evaluation" : ""));
    line(out, "latency", String.format(Locale.ROOT, "p50 %.3f us, p99 %.3f us (one agent's belief update, %d calls "
        + "timed one by one)", result.latency().p50Micros(), result.latency().p99Micros(), result.latency().samples()));
    String stateBytes = result.stateBytesPerAgent().isPresent()
        ? String.format(Locale.ROOT, "; stateBytes() %.1f bytes/agent", result.stateBytesPerAgent().getAsDouble())
        : "";
    line(out, "memory", String.format(Locale.ROOT, "%.1f bytes/agent measured (heap after GC, engine alive minus "
        + "before it)%s%s", result.bytesPerAgent(), stateBytes,
        result.memoryStable() ? "" : "; WARNING: the heap did not settle between collections"));
    numpy.ifPresent(n -> {
      line(out, "numpy", String.format(Locale.ROOT, "%s agent-steps/s (belief update %.3f us/agent): %s",
          rate(n.agentStepsPerSecond()), n.beliefUpdateMicrosPerAgent(), String.join(" ", n.command())));
      line(out, "ours/numpy", String.format(Locale.ROOT, "%.2f (full cycles per second)",
          result.agentStepsPerSecond() / n.agentStepsPerSecond()));
    });
    for (BenchTargets.Target target : BenchTargets.of(result, numpy)) {
      line(out, "target", BenchTargets.describe(target));
    }
    return out.toString().stripTrailing();
  }

  /** The JSON object of a throughput run. */
  public static String json(ThroughputResult result, Optional<NumpyResult> numpy) {
    ObjectNode root = JSON.createObjectNode();
    root.put("agent_steps_per_s", result.agentStepsPerSecond());
    root.put("belief_updates_per_s", result.beliefUpdatesPerSecond());
    root.put("latency_p50_us", result.latency().p50Micros());
    root.put("latency_p99_us", result.latency().p99Micros());
    root.put("bytes_per_agent", result.bytesPerAgent());
    if (result.stateBytesPerAgent().isPresent()) {
      root.put("state_bytes_per_agent", result.stateBytesPerAgent().getAsDouble());
    } else {
      root.putNull("state_bytes_per_agent");
    }
    numpy.ifPresent(n -> {
      root.put("numpy_ratio", result.agentStepsPerSecond() / n.agentStepsPerSecond());
      root.put("numpy_agent_steps_per_s", n.agentStepsPerSecond());
      root.put("numpy_belief_update_us_per_agent", n.beliefUpdateMicrosPerAgent());
      root.put("numpy_command", String.join(" ", n.command()));
    });
    ObjectNode targets = root.putObject("targets");
    for (BenchTargets.Target target : BenchTargets.of(result, numpy)) {
      targets.put(target.key(), target.met());
    }
    root.put("engine", result.engine());
    root.put("model", result.model());
    root.put("agents", result.agents());
    root.put("agents_requested", result.agentsRequested());
    result.capNote().ifPresent(note -> root.put("cap_note", note));
    root.put("steps", result.steps());
    root.put("warmup_steps", result.warmupSteps());
    root.put("perceive_calls", result.perceiveCalls());
    root.put("latency_samples", result.latency().samples());
    root.put("belief_update_includes_policy_evaluation", result.perceiveIncludesPolicyEvaluation());
    root.put("memory_stable", result.memoryStable());
    root.put("threads", result.threads());
    root.put("kernel", result.kernelDescription());
    root.put("jvm", JvmInfo.describe());
    root.put("jvm_feature", JvmInfo.feature());
    return root.toString();
  }

  /** The text report of a scaling run. */
  public static String text(ScalingResult result) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "fa bench --scaling: population engine, model %s, %d threads asked for%n",
        result.model(), result.threads()));
    line(out, "jvm", JvmInfo.describe());
    line(out, "kernel", result.kernelDescription());
    out.append(String.format(Locale.ROOT, "  %10s %8s %10s %18s %16s%n", "agents", "steps", "seconds",
        "ns/agent-step", "agent-steps/s"));
    for (ScalingPoint point : result.points()) {
      out.append(String.format(Locale.ROOT, "  %10d %8d %10.3f %18.1f %16s%n", point.agents(), point.steps(),
          point.seconds(), point.nanosPerAgentStep(), rate(point.agentStepsPerSecond())));
    }
    line(out, "max/min", String.format(Locale.ROOT, "%.3f (cost per agent-step; target <= %.2f: %s)",
        result.maxMinRatio(), ScalingResult.TARGET_RATIO, result.withinTarget() ? "met" : "NOT met"));
    return out.toString().stripTrailing();
  }

  /** The JSON object of a scaling run. */
  public static String json(ScalingResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("mode", "scaling");
    ArrayNode points = root.putArray("points");
    for (ScalingPoint point : result.points()) {
      ObjectNode node = points.addObject();
      node.put("agents", point.agents());
      node.put("steps", point.steps());
      node.put("seconds", point.seconds());
      node.put("ns_per_agent_step", point.nanosPerAgentStep());
      node.put("agent_steps_per_s", point.agentStepsPerSecond());
    }
    root.put("max_min_ratio", result.maxMinRatio());
    root.put("target_ratio", ScalingResult.TARGET_RATIO);
    root.put("within_target", result.withinTarget());
    root.put("engine", "population");
    root.put("model", result.model());
    root.put("threads", result.threads());
    root.put("kernel", result.kernelDescription());
    root.put("jvm", JvmInfo.describe());
    root.put("jvm_feature", JvmInfo.feature());
    return root.toString();
  }

  /** The text report of an int8 agreement run. */
  public static String text(AgreementReport report, String kernel) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "fa bench --agreement: int8 engine against the float population, model %s, "
        + "%d agents x %d steps%n", report.model(), report.agents(), report.steps()));
    line(out, "jvm", JvmInfo.describe());
    line(out, "kernel", kernel);
    line(out, "same action", String.format(Locale.ROOT, "%.5f of %d agent-steps (%d disagreements; deterministic "
        + "selection, same observations, the float engine's action forced into the int8 engine after each step)",
        report.sameActionRatio(), report.agentSteps(), report.disagreements()));
    line(out, "tie-aware", String.format(Locale.ROOT, "%.5f (the int8 action has a float probability within %.0e "
        + "of the float engine's best)", report.tieAwareRatio(), report.tieTolerance()));
    line(out, "near-ties", String.format(Locale.ROOT, "%d agent-steps with the float engine's two best actions "
        + "within %.0e; %d disagreements among them", report.nearTieSteps(), report.tieTolerance(),
        report.nearTieDisagreements()));
    line(out, "beliefs", String.format(Locale.ROOT, "mean L1 %.6f, max L1 %.6f (per agent-step, mean over factors)",
        report.meanL1(), report.maxL1()));
    return out.toString().stripTrailing();
  }

  /** The JSON object of an int8 agreement run. */
  public static String json(AgreementReport report, String kernel) {
    ObjectNode root = JSON.createObjectNode();
    root.put("mode", "agreement");
    root.put("same_action_ratio", report.sameActionRatio());
    root.put("mean_l1", report.meanL1());
    root.put("tie_aware_ratio", report.tieAwareRatio());
    root.put("max_l1", report.maxL1());
    root.put("agent_steps", report.agentSteps());
    root.put("disagreements", report.disagreements());
    root.put("near_tie_steps", report.nearTieSteps());
    root.put("near_tie_disagreements", report.nearTieDisagreements());
    root.put("tie_tolerance", report.tieTolerance());
    root.put("engine", "int8");
    root.put("model", report.model());
    root.put("agents", report.agents());
    root.put("steps", report.steps());
    root.put("kernel", kernel);
    root.put("jvm", JvmInfo.describe());
    root.put("jvm_feature", JvmInfo.feature());
    return root.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-13s %s%n", label, value));
  }

  /** A rate with three significant digits and a thousands suffix, for example {@code 1.23M}. */
  static String rate(double perSecond) {
    if (perSecond >= 1e9) {
      return String.format(Locale.ROOT, "%.3gG", perSecond / 1e9);
    }
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.3gM", perSecond / 1e6);
    }
    if (perSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.3gk", perSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.3g", perSecond);
  }
}
