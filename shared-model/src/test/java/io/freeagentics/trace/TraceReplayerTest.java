package io.freeagentics.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The replayer notices every kind of disagreement, and the reader rejects malformed traces clearly. */
class TraceReplayerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode trace(String name) throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(SharedFixtures.pymdpDir().resolve(name)));
  }

  private static ReplayReport replay(ObjectNode root) throws ModelInputException {
    return new TraceReplayer().replay(TraceReader.parse(root.toString(), "edited trace"));
  }

  private static QuantityError error(ReplayReport report, String quantity) {
    return report.errors().stream().filter(e -> e.quantity().equals(quantity)).findFirst().orElseThrow();
  }

  @Test
  void aPosteriorOffByOneMillionthFailsAtItsStep() throws Exception {
    ObjectNode root = trace("tmaze-h2.json");
    ArrayNode qs = (ArrayNode) root.get("steps").get(3).get("qs").get(0);
    qs.set(0, qs.get(0).asDouble() + 1e-6);

    ReplayReport report = replay(root);

    assertThat(report.passed()).isFalse();
    QuantityError qsError = error(report, "qs");
    assertThat(qsError.passed()).isFalse();
    assertThat(qsError.step()).isEqualTo(3);
    assertThat(qsError.error()).isBetween(0.9e-6, 1.1e-6);
    assertThat(error(report, "q_pi").passed()).isTrue();
  }

  @Test
  void aRelativeErrorInTheFreeEnergyIsCaught() throws Exception {
    ObjectNode root = trace("grid5-h1.json");
    ObjectNode step = (ObjectNode) root.get("steps").get(2);
    step.put("vfe", step.get("vfe").asDouble() * (1 + 1e-7));

    QuantityError vfe = error(replay(root), "vfe");

    assertThat(vfe.passed()).isFalse();
    assertThat(vfe.relative()).isTrue();
    assertThat(vfe.step()).isEqualTo(2);
  }

  @Test
  void aDifferentActionTakenChangesEverythingAfterIt() throws Exception {
    ObjectNode root = trace("grid5-h1.json");
    ArrayNode previous = (ArrayNode) root.get("steps").get(4).get("prev_action");
    previous.set(0, (previous.get(0).asInt() + 1) % 5);

    ReplayReport report = replay(root);

    assertThat(error(report, "qs").passed()).isFalse();
    assertThat(error(report, "qs").step()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void wrongLearntCountsAreCaught() throws Exception {
    ObjectNode root = trace("random-1f1m-learnA.json");
    ArrayNode row = (ArrayNode) root.get("final").get("pA").get(0).get(0);
    row.set(0, row.get(0).asDouble() + 0.5);

    QuantityError pA = error(replay(root), "final pA");

    assertThat(pA.passed()).isFalse();
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() throws Exception {
    ObjectNode root = trace("tmaze-h1.json");
    ((ObjectNode) root.get("steps").get(2)).remove("q_pi");

    assertThatThrownBy(() -> TraceReader.parse(root.toString(), "edited trace"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("edited trace")
        .hasMessageContaining("steps[2].q_pi is missing");
  }

  @Test
  void aStepWithTooFewEntriesIsAMismatchNotACrash() throws Exception {
    ObjectNode root = trace("tmaze-h1.json");
    ((ArrayNode) root.get("steps").get(1).get("q_pi")).remove(0);

    QuantityError qPi = error(replay(root), "q_pi");

    assertThat(qPi.passed()).isFalse();
    assertThat(qPi.detail()).contains("entries");
  }

  @Test
  void invalidJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> TraceReader.parse("{\"name\": \"x\",\n  \"steps\": [1, }", "broken.json"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("line 2");
  }

  @Test
  void aMissingFileIsACheckedError() {
    assertThatThrownBy(() -> TraceReader.read(Path.of("/nonexistent/trace.json")))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("/nonexistent/trace.json");
  }
}
