package io.freeagentics.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.ModelProblem;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.Policies;
import io.freeagentics.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reading a model file accepts, and what it says about a file it refuses. */
class ModelJsonBadInputTest {
  /** A valid two-state model: one factor, one modality, two controls (stay, switch). */
  private static final String TINY = """
      {
        "name": "switch",
        "num_states": [2],
        "num_obs": [2],
        "num_controls": [2],
        "A": [[[0.9, 0.2],
               [0.1, 0.8]]],
        "B": [[[[1.0, 0.0], [0.0, 1.0]],
               [[0.0, 1.0], [1.0, 0.0]]]],
        "C": [[1.0, 0.0]],
        "D": [[0.5, 0.5]]
      }
      """;

  @TempDir
  Path folder;

  /** The tiny model with one piece of text replaced; fails when the piece is not there. */
  private static String tinyWith(String original, String replacement) {
    assertThat(TINY).contains(original);
    return TINY.replace(original, replacement);
  }

  private static ModelValidationException invalid(String json) {
    return catchThrowableOfType(ModelValidationException.class, () -> ModelJson.parse(json, "tiny.json"));
  }

  private static ModelValidationException invalidTiny(String original, String replacement) {
    return invalid(tinyWith(original, replacement));
  }

  @Test
  void theTinyModelReadsWithDefaults() throws Exception {
    GenerativeModel model = ModelJson.parse(TINY, "tiny.json");

    assertThat(model.name()).isEqualTo("switch");
    assertThat(model.a(0).get(1, 0)).isEqualTo(0.1);
    assertThat(model.b(0).get(1, 0, 1)).isEqualTo(1.0);
    assertThat(model.policies()).isEqualTo(Policies.enumerate(new int[] {2}, 1, null));
    assertThat(model.e()).isEmpty();
    assertThat(model.pA()).isEmpty();
    assertThat(model.pB()).isEmpty();
  }

  @Test
  void missingCIsZeroAndMissingDIsUniform() throws Exception {
    GenerativeModel model = ModelJson.parse(
        tinyWith("\"C\": [[1.0, 0.0]],\n  \"D\": [[0.5, 0.5]]", "\"C\": null"), "tiny.json");

    assertThat(model.c(0).toArray()).containsExactly(0, 0);
    assertThat(model.d(0).toArray()).containsExactly(0.5, 0.5);
  }

  @Test
  void policyLengthAndControlFactorsEnumerateThePolicies() throws Exception {
    GenerativeModel twoSteps = ModelJson.parse(tinyWith("\"name\"", "\"policy_len\": 2, \"name\""), "tiny.json");
    GenerativeModel uncontrolled =
        ModelJson.parse(tinyWith("\"name\"", "\"control_fac_idx\": [], \"name\""), "tiny.json");

    assertThat(twoSteps.policies()).isEqualTo(Policies.enumerate(new int[] {2}, 2, null));
    assertThat(uncontrolled.policies()).isEqualTo(Policies.enumerate(new int[] {2}, 1, new int[0]));
    assertThat(uncontrolled.numPolicies()).isEqualTo(1);
  }

  @Test
  void eAndDirichletCountsAreRead() throws Exception {
    GenerativeModel model = ModelJson.parse(tinyWith("\"name\"",
        "\"E\": [2.0, 1.0], \"pA\": [[[9, 2], [1, 8]]], \"pB\": null, \"name\""), "tiny.json");

    assertThat(model.e()).contains(Tensor.vector(2, 1));
    assertThat(model.pA().orElseThrow().get(0).toArray()).containsExactly(9, 2, 1, 8);
    assertThat(model.pB()).isEmpty();
  }

  @Test
  void aShapeMismatchNamesBothShapes() {
    ModelValidationException e = invalidTiny("[0.1, 0.8]]]", "[0.1, 0.8], [0.0, 0.0]]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("A[0]: has shape [3, 2] but the model needs [2, 2]");
    assertThat(e).hasMessage("tiny.json has 1 problem:\n  - A[0]: has shape [3, 2] but the model needs [2, 2]");
  }

  @Test
  void aColumnThatDoesNotSumToOneIsNamedWithItsSum() {
    ModelValidationException e = invalidTiny("[0.1, 0.8]]]", "[0.03, 0.8]]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("A[0] column [0]: sums to 0.93 instead of 1");
  }

  @Test
  void notANumberIsNamedWithItsIndex() {
    ModelValidationException e = invalidTiny("[[[0.9, 0.2]", "[[[NaN, 0.2]");

    assertThat(e.problems()).extracting(ModelProblem::toString).containsExactly("A[0] entry [0, 0]: is NaN");
  }

  @Test
  void aNegativeEntryIsNamedWithItsValue() {
    ModelValidationException e = invalidTiny("[[0.5, 0.5]]", "[[1.5, -0.5]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("D[0] entry [1]: is negative (-0.5)");
  }

  @Test
  void anInfiniteEntryIsNamed() {
    ModelValidationException e = invalidTiny("[[1.0, 0.0]]", "[[1e400, 0.0]]");

    assertThat(e.problems()).extracting(ModelProblem::toString).containsExactly("C[0] entry [0]: is infinite");
  }

  @Test
  void anActionOutsideTheControlsIsNamed() {
    ModelValidationException e = invalidTiny("\"name\"", "\"policies\": [[[0]], [[2]]], \"name\"");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("policies[1][0][0]: action 2 is outside the controls [0, 2) of factor 0");
  }

  @Test
  void aRaggedArrayNamesTheRowAndTheRowItDiffersFrom() {
    ModelValidationException e = invalidTiny("[0.1, 0.8]]]", "[0.1]]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("A[0][1]: is ragged: it has 1 entries but A[0][0] has 2");
  }

  @Test
  void aRaggedArrayDeeperDownIsNamedToTheEntry() {
    ModelValidationException e = invalidTiny("[[0.0, 1.0], [1.0, 0.0]]]]", "[[0.0, 1.0], [1.0, [0.0]]]]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("B[0][1][1][1]: expected a number but found an array");
  }

  @Test
  void aStringWhereANumberBelongsIsNamed() {
    ModelValidationException e = invalidTiny("[0.1, 0.8]]]", "[0.1, \"0.8\"]]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("A[0][1][1]: expected a number but found the string \"0.8\"");
  }

  @Test
  void anEmptyArrayIsNamed() {
    ModelValidationException e = invalidTiny("[[1.0, 0.0]]", "[[]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("C[0]: is an empty array; every axis needs at least one entry");
  }

  @Test
  void aMissingRequiredKeyIsNamed() {
    ModelValidationException e = invalidTiny("\"num_controls\": [2],", "");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("num_controls: is missing; it lists the number of controls of each factor");
  }

  @Test
  void wrongTypesAreNamedWithWhatWasFound() {
    ModelValidationException e = invalid(TINY.replace("\"num_states\": [2]", "\"num_states\": 2")
        .replace("\"num_obs\": [2]", "\"num_obs\": [2.5]").replace("\"name\": \"switch\"", "\"name\": 7"));

    assertThat(e.problems()).extracting(ModelProblem::toString).containsExactly(
        "name: expected a string but found the number 7",
        "num_states: expected an array of integers but found the number 2",
        "num_obs[0]: expected an integer but found the number 2.5");
  }

  @Test
  void anUnknownKeyIsRefusedWithASuggestion() {
    ModelValidationException e = invalidTiny("\"name\"", "\"polices\": [[[0]]], \"name\"");

    assertThat(e.problems()).singleElement().extracting(ModelProblem::toString).asString()
        .startsWith("polices: is not a model key; did you mean \"policies\"? (the keys are name, num_states,");
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() {
    String json = TINY.replace("[[[0.9, 0.2]", "[[[NaN, 0.2]")
        .replace("[[0.5, 0.5]]", "[[1.5, -0.5]]")
        .replace("[[0.0, 1.0], [1.0, 0.0]]]]", "[[0.0, 1.0], [1.0]]]]")
        .replace("\"name\"", "\"policies\": [[[0]], [[5]]], \"Cc\": 1, \"name\"");

    ModelValidationException e = invalid(json);

    assertThat(e.problems()).extracting(ModelProblem::toString).containsExactly(
        "Cc: is not a model key; did you mean \"C\"? (the keys are name, num_states, num_obs, num_controls, A, B, "
            + "C, D, E, pA, pB, policies, policy_len, control_fac_idx)",
        "B[0][1][1]: is ragged: it has 1 entries but B[0][0][0] has 2",
        "A[0] entry [0, 0]: is NaN",
        "D[0] entry [1]: is negative (-0.5)",
        "policies[1][0][0]: action 5 is outside the controls [0, 2) of factor 0");
    assertThat(e).hasMessageStartingWith("tiny.json has 5 problems:\n  - Cc: is not a model key");
  }

  @Test
  void badDimensionsAndBadArraysAreReportedTogether() {
    ModelValidationException e = invalid(TINY.replace("\"num_states\": [2]", "\"num_states\": [0]")
        .replace("[0.1, 0.8]]]", "[0.1]]]"));

    assertThat(e.problems()).extracting(ModelProblem::toString).containsExactly(
        "A[0][1]: is ragged: it has 1 entries but A[0][0] has 2",
        "num_states[0]: must be positive but is 0");
  }

  @Test
  void anArrayPerModalityMustMatchTheModalities() {
    ModelValidationException e = invalidTiny("[[1.0, 0.0]]", "[[1.0, 0.0], [0.0, 1.0]]");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("C: has 2 arrays but the model has 1 modalities");
  }

  @Test
  void policiesAndTheirEnumerationAreNotBothGiven() {
    ModelValidationException e = invalidTiny("\"name\"", "\"policies\": [[[0]]], \"policy_len\": 2, \"name\"");

    assertThat(e.problems()).extracting(ModelProblem::toString)
        .containsExactly("policy_len: only applies when policies is absent; give one or the other");
  }

  @Test
  void badEnumerationSettingsAreNamed() {
    assertThat(invalidTiny("\"name\"", "\"policy_len\": 0, \"name\"").problems()).extracting(ModelProblem::toString)
        .containsExactly("policy_len: must be at least 1 but is 0");
    assertThat(invalidTiny("\"name\"", "\"control_fac_idx\": [1], \"name\"").problems())
        .extracting(ModelProblem::toString)
        .containsExactly("control_fac_idx[0]: factor 1 is not one of the model's factors [0, 1)");
    assertThat(invalidTiny("\"name\"", "\"policy_len\": 40, \"name\"").problems())
        .extracting(ModelProblem::toString)
        .containsExactly("policy_len: policy_len 40 with num_controls [2] enumerates more than 1000000 policies");
  }

  @Test
  void aModelTooLargeToHoldIsRefusedBeforeAnythingIsAllocated() {
    ModelValidationException e = invalid(TINY.replace("\"num_states\": [2]", "\"num_states\": [60000, 60000]")
        .replace("\"num_controls\": [2]", "\"num_controls\": [2, 2]"));

    assertThat(e.problems()).extracting(ModelProblem::toString).containsExactly(
        "num_states: with num_obs [2] and num_controls [2, 2] needs 21600000000 entries in A and B, more than the "
            + "limit of 134217728");
  }

  @Test
  void aSyntaxErrorGivesLineAndColumn() {
    String json = "{\n  \"num_states\": [2],\n  \"num_obs\" [2]\n}\n";

    assertThatThrownBy(() -> ModelJson.parse(json, "tiny.json"))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessageStartingWith("tiny.json: invalid JSON at line 3, column 13: Unexpected character ('['");
  }

  @Test
  void aDuplicateKeyIsASyntaxError() {
    assertThatThrownBy(() -> ModelJson.parse(tinyWith("\"C\":", "\"A\": [], \"C\":"), "tiny.json"))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessageStartingWith("tiny.json: invalid JSON at line ")
        .hasMessageContaining("Duplicate field 'A'");
  }

  @Test
  void textAfterTheObjectIsASyntaxError() {
    assertThatThrownBy(() -> ModelJson.parse(TINY + "{}", "tiny.json"))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessageStartingWith("tiny.json: invalid JSON at line 13, column 1: Trailing token");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> ModelJson.parse("[1, 2]", "list.json"))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessage("list.json: expected a JSON object holding a model but found an array");
    assertThatThrownBy(() -> ModelJson.parse("  ", "blank.json"))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessage("blank.json: is empty; expected a JSON object holding a model");
  }

  @Test
  void aTraceIsReadThroughItsModelKeyAndOnlyTraceKeysMayStandBesideIt() {
    String trace = "{\"name\": \"t\", \"settings\": {}, \"steps\": [], \"final\": null, \"source\": \"x\", \"t\": 0, "
        + "\"model\": " + TINY + "}";
    String typo = "{\"setings\": {}, \"model\": " + TINY + "}";
    String notAnObject = "{\"model\": [1]}";

    assertThat(catchThrowableOfType(ModelValidationException.class, () -> ModelJson.parse(typo, "trace.json"))
        .problems()).extracting(ModelProblem::toString)
        .containsExactly("setings: is not a key of a trace file (those are model, name, final, settings, source, "
            + "steps, t)");
    assertThat(catchThrowableOfType(ModelValidationException.class, () -> ModelJson.parse(notAnObject, "trace.json"))
        .problems()).extracting(ModelProblem::toString)
        .containsExactly("model: expected an object holding the model but found an array");
    assertThat(catchThrowableOfType(ModelValidationException.class, () -> ModelJson.parse(trace, "trace.json")))
        .isNull();
  }

  @Test
  void aFileNamesItselfInTheMessage() throws Exception {
    Path file = folder.resolve("model.json");
    Files.writeString(file, tinyWith("[0.1, 0.8]]]", "[0.03, 0.8]]]"));

    assertThatThrownBy(() -> ModelJson.read(file))
        .isInstanceOf(ModelValidationException.class)
        .hasMessage(file + " has 1 problem:\n  - A[0] column [0]: sums to 0.93 instead of 1");
  }

  @Test
  void aMissingFileIsBadInput() {
    Path file = folder.resolve("absent.json");

    assertThatThrownBy(() -> ModelJson.read(file))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessage("model file " + file + " does not exist");
  }

  @Test
  void aSyntaxErrorInAFileGivesTheFileLineAndColumn() throws Exception {
    Path file = folder.resolve("broken.json");
    Files.writeString(file, TINY.replace("\"num_obs\": [2],", "\"num_obs\": [2]"));

    assertThatThrownBy(() -> ModelJson.read(file))
        .isExactlyInstanceOf(ModelInputException.class)
        .hasMessageStartingWith(file + ": invalid JSON at line 5, column 3: Unexpected character");
  }

  @Test
  void aSingleArrayDecodesOrNamesItsProblems() throws Exception {
    ObjectMapper mapper = new ObjectMapper();

    assertThat(ModelJson.tensor(mapper.readTree("[[1, 2], [3, 4]]"), "final.pA[0]"))
        .isEqualTo(Tensor.of(new int[] {2, 2}, new double[] {1, 2, 3, 4}));
    assertThatThrownBy(() -> ModelJson.tensor(mapper.readTree("[[1, 2], [3, true]]"), "final.pA[0]"))
        .isInstanceOf(ModelValidationException.class)
        .hasMessage("final.pA[0] has 1 problem:\n  - final.pA[0][1][1]: expected a number but found the boolean true");
  }

  @Test
  void manyBadEntriesAreCountedAfterTheFirstTwenty() {
    StringBuilder row = new StringBuilder("[");
    for (int i = 0; i < 30; i++) {
      row.append(i == 0 ? "" : ", ").append("\"x\"");
    }
    ModelValidationException e = invalidTiny("[[1.0, 0.0]]", "[" + row + "]]");

    assertThat(e.problems()).hasSize(21);
    assertThat(e.problems().get(20)).hasToString("C[0]: and 10 more problems in this array");
  }
}
