package io.freeagentics.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.BuiltInModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumpyBaselineTest {

  @Test
  void knowsTheGridSideOfGridModelsOnly() {
    assertThat(NumpyBaseline.gridSide(BuiltInModels.grid(7))).hasValue(7);
    assertThat(NumpyBaseline.gridSide(BuiltInModels.grid(4, 0.0))).hasValue(4);
    assertThat(NumpyBaseline.gridSide(BuiltInModels.tmaze())).isEmpty();
  }

  @Test
  void readsTheBaselinesResultLine() throws BenchSetupException {
    NumpyResult result = NumpyBaseline.parse(List.of("python3", "numpy_population.py", "5", "10000", "20"),
        "numpy side=5 agents=10000 steps=20: 812345 agent-steps/s (belief update 0.213 us/agent)\n");
    assertThat(result.agentStepsPerSecond()).isEqualTo(812345.0);
    assertThat(result.beliefUpdateMicrosPerAgent()).isEqualTo(0.213);
    assertThat(result.outputLine()).startsWith("numpy side=5");
  }

  @Test
  void outputWithoutAResultIsAnError() {
    assertThatThrownBy(() -> NumpyBaseline.parse(List.of("python3"), "Traceback: boom"))
        .isInstanceOf(BenchSetupException.class)
        .hasMessageContaining("printed no result line")
        .hasMessageContaining("Traceback: boom");
  }

  @Test
  void aPythonWithoutNumpyNamesThePackageToInstall(@TempDir Path folder) {
    // /bin/false stands for a Python whose "import numpy" fails.
    NumpyBaseline baseline = new NumpyBaseline(folder.resolve("numpy_population.py"), "/bin/false");
    assertThatThrownBy(() -> baseline.run(5, 10, 2))
        .isInstanceOf(BenchSetupException.class)
        .hasMessageContaining("apt-get install -y python3-numpy");
  }

  @Test
  void aMissingPythonIsNamed(@TempDir Path folder) {
    NumpyBaseline baseline = new NumpyBaseline(folder.resolve("numpy_population.py"),
        folder.resolve("no-python").toString());
    assertThatThrownBy(() -> baseline.run(5, 10, 2))
        .isInstanceOf(BenchSetupException.class)
        .hasMessageContaining("is not installed");
  }

  @Test
  void findsTheScriptThroughTheSharedFolderProperty() throws BenchSetupException {
    // Surefire sets fa.shared.dir to the shared folder next to the repository.
    assertThat(System.getProperty(NumpyBaseline.SHARED_DIR_PROPERTY)).isNotBlank();
    Path script = NumpyBaseline.locate().script();
    assertThat(script).isRegularFile();
    assertThat(script.endsWith(Path.of("baselines", "numpy_population.py"))).isTrue();
  }
}
