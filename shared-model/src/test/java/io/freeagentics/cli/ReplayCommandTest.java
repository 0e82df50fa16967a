package io.freeagentics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everySharedTracePasses() {
    CommandRun run = CommandRun.of(new ReplayCommand(), SharedFixtures.pymdpDir().toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("PASS")).count())
        .isEqualTo(SharedFixtures.pymdpTraces().size());
    assertThat(run.out()).contains("neg_efe").doesNotContain("MISMATCH");
  }

  @Test
  void aTamperedTraceFailsWithExitCodeOne(@TempDir Path dir) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(SharedFixtures.pymdpDir().resolve("grid5-h2.json").toFile());
    ArrayNode qPi = (ArrayNode) root.get("steps").get(5).get("q_pi");
    qPi.set(0, qPi.get(0).asDouble() + 1e-5);
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, root.toString());

    CommandRun run = CommandRun.of(new ReplayCommand(), tampered.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("FAIL").containsPattern("q_pi\\s+MISMATCH.*at step 5");
  }

  @Test
  void jsonOutputIsOneObjectPerTrace() throws Exception {
    Path trace = SharedFixtures.pymdpDir().resolve("random-2f1m-learnAB-novelty.json");

    CommandRun run = CommandRun.of(new ReplayCommand(), "--json", trace.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode report = JSON.readTree(run.out().strip());
    assertThat(report.get("passed").asBoolean()).isTrue();
    assertThat(report.get("errors").fieldNames()).toIterable()
        .contains("qs", "q_pi", "neg_efe", "p_action", "vfe", "final pA", "final pB");
    assertThat(report.get("errors").get("vfe").get("max_error").asDouble()).isLessThan(1e-9);
  }

  @Test
  void unreadableInputExitsWithTwoAndSaysWhy(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"name\": \"x\", \"model\": {\"num_states\": [2]}");

    CommandRun missing = CommandRun.of(new ReplayCommand(), dir.resolve("nope.json").toString());
    CommandRun invalid = CommandRun.of(new ReplayCommand(), broken.toString());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such trace file or folder").contains("nope.json");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("broken.json");
  }
}
