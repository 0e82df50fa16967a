package io.freeagentics.model.catalog;

import static io.freeagentics.model.ModelAssertions.assertIdenticalModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolving model names: built-ins first, then files. */
class ModelCatalogTest {
  @TempDir
  Path folder;

  @Test
  void gridNamesTheGridOfThatSide() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:4");

    assertThat(model.name()).isEqualTo("grid:4");
    assertThat(model.numStates()).containsExactly(16);
  }

  @Test
  void tmazeNamesTheTmaze() throws Exception {
    assertIdenticalModel(ModelCatalog.resolve("tmaze"), BuiltInModels.tmaze());
  }

  @Test
  void aPathNamesTheModelInThatFile() throws Exception {
    Path file = folder.resolve("maze.json");
    Files.writeString(file, ModelJson.write(BuiltInModels.tmaze()));

    assertIdenticalModel(ModelCatalog.resolve(file.toString()), BuiltInModels.tmaze());
  }

  @Test
  void aTraceFileNamesItsModel() throws Exception {
    Path trace = SharedFixtures.pymdpDir().resolve("random-2f2m-h2.json");

    assertIdenticalModel(ModelCatalog.resolve(trace.toString()), ModelJson.read(trace));
  }

  @Test
  void anUnknownNameListsTheBuiltInsAndSaysNoFileExists() {
    assertThatThrownBy(() -> ModelCatalog.resolve("tmase"))
        .isInstanceOf(ModelInputException.class)
        .hasMessageStartingWith("unknown model 'tmase': it is not a built-in model (grid:N with N from 2 to 64, "
            + "tmaze) and no such file exists: ")
        .hasMessageEndingWith("tmase");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grid:1", "grid:65", "grid:-3"})
  void aGridSideOutOfRangeIsBadInput(String spec) {
    assertThatThrownBy(() -> ModelCatalog.resolve(spec))
        .isInstanceOf(ModelInputException.class)
        .hasMessageStartingWith("model '" + spec + "': the grid side must be from 2 to 64 but is ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grid:", "grid:ten", "grid:5x5", "grid:99999999999"})
  void aGridSideThatIsNotANumberIsBadInput(String spec) {
    assertThatThrownBy(() -> ModelCatalog.resolve(spec))
        .isInstanceOf(ModelInputException.class)
        .hasMessageContaining("is not a whole number; use grid:N with N from 2 to 64");
  }

  @Test
  void aBlankNameIsBadInput() {
    assertThatThrownBy(() -> ModelCatalog.resolve(" "))
        .isInstanceOf(ModelInputException.class)
        .hasMessage("no model given; use one of grid:N with N from 2 to 64, tmaze or a JSON model file");
  }

  @Test
  void anInvalidModelFileIsReportedWithItsPath() throws Exception {
    Path file = folder.resolve("broken.json");
    Files.writeString(file, "{\"num_states\": [2]}");

    assertThatThrownBy(() -> ModelCatalog.resolve(file.toString()))
        .isInstanceOf(ModelValidationException.class)
        .hasMessageStartingWith(file + " has ");
  }

  @Test
  void builtInNamesAreForHelpTexts() {
    assertThat(ModelCatalog.builtInNames()).containsExactly("grid:N", "tmaze");
  }
}
