package io.freeagentics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the command on tiny populations (no timing assertions: only shapes and validity of the reports). */
class BenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METRICS =
      List.of("agent_steps_per_s", "belief_updates_per_s", "latency_p50_us", "latency_p99_us", "bytes_per_agent");
  private static final String[] TINY = {"--steps", "2", "--warmup-steps", "1", "--warmup-seconds", "0",
      "--latency-samples", "50", "--threads", "1", "--json"};

  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = BenchCommand.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exitCode = command.execute(args);
    return new Outcome(exitCode, out.toString(), err.toString());
  }

  private static String[] tiny(String... more) {
    List<String> args = new ArrayList<>(List.of(TINY));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void jsonReportOfATinyPopulationRunHasEveryMetricPositiveAndFinite() throws Exception {
    Outcome outcome = run(tiny("--model", "grid:5", "--agents", "2000"));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.isObject()).isTrue();
    for (String key : METRICS) {
      assertThat(report.has(key)).as(key).isTrue();
      double value = report.get(key).asDouble();
      assertThat(Double.isFinite(value) && value > 0).as(key + " = " + value).isTrue();
    }
    assertThat(report.get("engine").asText()).isEqualTo("population");
    assertThat(report.get("model").asText()).isEqualTo("grid:5");
    assertThat(report.get("agents").asInt()).isEqualTo(2000);
    assertThat(report.get("steps").asInt()).isEqualTo(2);
    assertThat(report.get("threads").asInt()).isEqualTo(1);
    assertThat(report.get("kernel").asText()).isNotBlank();
    assertThat(report.get("jvm").asText()).contains(Integer.toString(Runtime.version().feature()));
    assertThat(report.get("state_bytes_per_agent").asDouble()).isPositive();
    assertThat(outcome.out().strip()).doesNotContain("\n");
    assertThat(outcome.err()).contains("fa bench: timing 2 full cycles");
  }

  @Test
  void tmazeRunsThroughTheModelsOwnDynamics() throws Exception {
    Outcome outcome = run(tiny("--model", "tmaze", "--agents", "300"));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.get("agent_steps_per_s").asDouble()).isPositive();
    assertThat(report.get("model").asText()).isEqualTo("tmaze");
  }

  @Test
  void referenceEngineRunsTheSameWay() throws Exception {
    Outcome outcome = run(tiny("--engine", "reference", "--agents", "20"));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.get("engine").asText()).isEqualTo("reference");
    assertThat(report.get("belief_update_includes_policy_evaluation").asBoolean()).isTrue();
    for (String key : List.of("agent_steps_per_s", "belief_updates_per_s", "latency_p50_us", "latency_p99_us")) {
      assertThat(report.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(report.get("state_bytes_per_agent").isNull()).isTrue();
  }

  @Test
  void referenceEngineIsCappedWithAReasonWhenTheBudgetIsTiny() throws Exception {
    Outcome outcome = run(tiny("--engine", "reference", "--agents", "1000000", "--reference-budget-seconds",
        "0.001"));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.get("agents_requested").asInt()).isEqualTo(1_000_000);
    assertThat(report.get("agents").asInt()).isLessThan(1_000_000);
    assertThat(report.get("cap_note").asText()).contains("capped at").contains("--reference-budget-seconds");
    assertThat(outcome.err()).contains("the reference engine is capped at");
  }

  @Test
  void scalingReportsEverySizeAndTheRatio() throws Exception {
    Outcome outcome = run("--scaling", "--scaling-agents", "10,40", "--scaling-seconds", "0.01", "--warmup-steps",
        "1", "--warmup-seconds", "0", "--threads", "1", "--json");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.get("points")).hasSize(2);
    assertThat(report.get("points").get(1).get("agents").asInt()).isEqualTo(40);
    assertThat(report.get("points").get(0).get("ns_per_agent_step").asDouble()).isPositive();
    assertThat(report.get("max_min_ratio").asDouble()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void textReportNamesEveryFigure() {
    Outcome outcome = run("--agents", "200", "--steps", "2", "--warmup-steps", "1", "--warmup-seconds", "0",
        "--latency-samples", "20", "--threads", "1");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("agent-steps/s", "belief updates/s", "p50", "p99", "bytes/agent", "jvm",
        "kernel", "model grid:5", "200 agents", "1 threads asked for");
  }

  @Test
  void int8EngineReportsTheSameThroughputFigures() throws Exception {
    Outcome outcome = run(tiny("--engine", "int8", "--model", "grid:5", "--agents", "500"));
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.get("engine").asText()).isEqualTo("int8");
    for (String key : METRICS) {
      assertThat(report.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(report.get("kernel").asText()).contains("int8");
    assertThat(report.get("state_bytes_per_agent").asDouble()).isPositive();
  }

  @Test
  void int8AgreementReportsTheSameActionRatioAndMeanL1() throws Exception {
    Outcome outcome = run("--engine", "int8", "--agreement", "--model", "tmaze", "--agents", "20", "--steps", "10",
        "--threads", "1", "--json");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    JsonNode report = JSON.readTree(outcome.out());
    assertThat(report.get("mode").asText()).isEqualTo("agreement");
    assertThat(report.get("same_action_ratio").asDouble()).isBetween(0.0, 1.0);
    assertThat(report.get("mean_l1").asDouble()).isBetween(0.0, 2.0);
    assertThat(report.get("agent_steps").asInt()).isEqualTo(200);
    Outcome text = run("--engine", "int8", "--agreement", "--agents", "5", "--steps", "3", "--threads", "1");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("same action", "tie-aware", "near-ties", "mean L1", "model grid:5");
  }

  @Test
  void agreementNeedsTheInt8Engine() {
    Outcome outcome = run("--agreement");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--agreement compares the int8 engine");
  }

  @Test
  void rejectsTooFewAgents() {
    Outcome outcome = run("--agents", "0");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--agents must be at least 1 but was 0");
  }

  @Test
  void rejectsAnUnknownModel() {
    Outcome outcome = run("--model", "no-such-model.json");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("unknown model 'no-such-model.json'");
  }

  @Test
  void rejectsAGridSideOutOfRange() {
    Outcome outcome = run("--model", "grid:1");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("grid side");
  }

  @Test
  void rejectsAnUnknownKernel() {
    Outcome outcome = run("--kernel", "gpu");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--kernel").contains("gpu");
  }

  @Test
  void rejectsNegativeThreadsAndSteps() {
    assertThat(run("--threads", "-1").err()).contains("--threads must be at least 0 but was -1");
    assertThat(run("--steps", "0").err()).contains("--steps must be at least 1 but was 0");
    assertThat(run("--warmup-seconds", "-2").err()).contains("--warmup-seconds");
  }

  @Test
  void rejectsNumpyComparisonForANonGridModel() {
    Outcome outcome = run("--model", "tmaze", "--compare-numpy");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--compare-numpy").contains("grid:N");
  }

  @Test
  void rejectsScalingOfTheReferenceEngine() {
    Outcome outcome = run("--scaling", "--engine", "reference");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--scaling measures the population engine");
  }

  @Test
  void rejectsScalingSizesWithoutScaling() {
    Outcome outcome = run("--scaling-agents", "10,20");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err()).contains("--scaling-agents needs --scaling");
  }
}
