package io.freeagentics.model.json;

import static io.freeagentics.model.ModelAssertions.assertIdenticalModel;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Tensor;
import io.freeagentics.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pymdp trace file's model reads, entry for entry as the JSON holds it. */
class ModelJsonTraceFilesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> traces() {
    return SharedFixtures.pymdpTraces();
  }

  @Test
  void theFixturesAreThere() {
    assertThat(traces()).hasSizeGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest
  @MethodSource("traces")
  void everyTraceModelReadsAsWritten(Path trace) throws Exception {
    GenerativeModel model = ModelJson.read(trace);
    JsonNode root = MAPPER.readTree(trace.toFile());
    JsonNode raw = root.get("model");

    assertThat(model.name()).isEqualTo(root.get("name").textValue());
    assertThat(model.numStates()).containsExactly(ints(raw.get("num_states")));
    assertThat(model.numObs()).containsExactly(ints(raw.get("num_obs")));
    assertThat(model.numControls()).containsExactly(ints(raw.get("num_controls")));
    assertTensorsAsJson("A", model.a(), raw.get("A"));
    assertTensorsAsJson("B", model.b(), raw.get("B"));
    assertTensorsAsJson("C", model.c(), raw.get("C"));
    assertTensorsAsJson("D", model.d(), raw.get("D"));
    assertOptionalAsJson("pA", model.pA(), raw.get("pA"));
    assertOptionalAsJson("pB", model.pB(), raw.get("pB"));
    assertThat(model.e()).isEmpty();
    assertThat(model.numPolicies()).isEqualTo(raw.get("policies").size());
    for (int k = 0; k < model.numPolicies(); k++) {
      JsonNode policy = raw.get("policies").get(k);
      for (int t = 0; t < policy.size(); t++) {
        assertThat(model.policies().get(k).toArray()[t]).as("policies[%d][%d]", k, t)
            .containsExactly(ints(policy.get(t)));
      }
    }
    assertThat(model.policyLength()).isEqualTo(root.get("settings").get("policy_len").intValue());
  }

  @ParameterizedTest
  @MethodSource("traces")
  void theBareModelObjectReadsToTheSameModel(Path trace) throws Exception {
    JsonNode root = MAPPER.readTree(trace.toFile());
    GenerativeModel bare = ModelJson.parse(MAPPER.writeValueAsString(root.get("model")), "bare model");
    GenerativeModel whole = ModelJson.read(trace);

    assertThat(bare.name()).isEmpty();
    assertIdenticalModel(bare.toBuilder().name(whole.name()).build(), whole);
  }

  @ParameterizedTest
  @MethodSource("traces")
  void everyTraceModelRoundTrips(Path trace) throws Exception {
    GenerativeModel model = ModelJson.read(trace);

    assertIdenticalModel(ModelJson.parse(ModelJson.write(model), "written"), model);
  }

  @Test
  void aTreeReadsLikeItsText() throws Exception {
    Path trace = SharedFixtures.pymdpDir().resolve("random-2f1m-learnAB-novelty.json");

    assertIdenticalModel(ModelJson.fromTree(MAPPER.readTree(trace.toFile()), "tree"), ModelJson.read(trace));
  }

  private static void assertOptionalAsJson(String name, Optional<List<Tensor>> tensors, JsonNode json) {
    assertThat(tensors.isPresent()).as(name + " present").isEqualTo(!json.isNull());
    tensors.ifPresent(list -> assertTensorsAsJson(name, list, json));
  }

  private static void assertTensorsAsJson(String name, List<Tensor> tensors, JsonNode json) {
    assertThat(tensors).as(name).hasSize(json.size());
    for (int i = 0; i < tensors.size(); i++) {
      List<Integer> shape = new ArrayList<>();
      for (JsonNode node = json.get(i); node.isArray(); node = node.get(0)) {
        shape.add(node.size());
      }
      List<Double> leaves = new ArrayList<>();
      collect(json.get(i), leaves);
      assertThat(tensors.get(i).shape()).as(name + "[" + i + "] shape")
          .containsExactly(shape.stream().mapToInt(Integer::intValue).toArray());
      assertThat(tensors.get(i).toArray()).as(name + "[" + i + "] entries")
          .containsExactly(leaves.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }

  private static void collect(JsonNode node, List<Double> leaves) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, leaves));
    } else {
      leaves.add(node.doubleValue());
    }
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).intValue();
    }
    return values;
  }
}
