package io.freeagentics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PopulationCommandTest {

  @Test
  void aSmallRunPrintsProgressAndASummary() {
    CommandRun run = CommandRun.of(new PopulationCommand(), "--agents", "300", "--steps", "40", "--model", "grid:4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("300 agents on grid:4").contains("step   40/40");
    assertThat(run.out()).contains("Summary").contains("300 x 40 = 12,000").contains("at goal");
  }

  @Test
  void jsonSummaryHasMeasuredValues() throws Exception {
    CommandRun run = CommandRun.of(new PopulationCommand(), "--agents", "500", "--steps", "60", "--model", "grid:3",
        "--json", "--threads", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out().strip());
    assertThat(summary.get("agent_steps").asLong()).isEqualTo(30_000);
    assertThat(summary.get("agent_steps_per_s").asDouble()).isPositive();
    assertThat(summary.get("goal_share_last").asDouble())
        .as("agents on a 3x3 grid find the goal cell")
        .isGreaterThan(summary.get("goal_share_first").asDouble());
    assertThat(summary.get("mean_vfe_last").asDouble()).isFinite();
  }

  @Test
  void theTmazeRuns() {
    CommandRun run = CommandRun.of(new PopulationCommand(), "--agents", "64", "--steps", "5", "--model", "tmaze");

    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void badArgumentsAreNamed() {
    CommandRun unknown = CommandRun.of(new PopulationCommand(), "--model", "grid:1");
    CommandRun zero = CommandRun.of(new PopulationCommand(), "--agents", "0");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("grid");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--agents");
  }
}
