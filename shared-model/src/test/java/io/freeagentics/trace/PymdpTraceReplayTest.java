package io.freeagentics.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pymdp reference trace in the shared fixtures replays within 1e-9. */
class PymdpTraceReplayTest {

  static List<Path> traces() {
    return SharedFixtures.pymdpTraces();
  }

  @Test
  void theFixturesAreThere() {
    assertThat(traces()).hasSizeGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traces")
  void replaysWithinTolerance(Path file) throws Exception {
    Trace trace = TraceReader.read(file);
    ReplayReport report = new TraceReplayer().replay(trace);

    String failures = report.errors().stream().filter(e -> !e.passed()).map(QuantityError::toString)
        .collect(Collectors.joining("\n"));
    assertThat(report.passed()).as("%s:\n%s", file.getFileName(), failures).isTrue();
    assertThat(report.steps()).isEqualTo(trace.steps().size()).isPositive();
    assertThat(report.errors()).extracting(QuantityError::quantity)
        .contains("qs", "q_pi", "neg_efe", "p_action", "vfe");
    if (trace.finalPA() != null) {
      assertThat(report.errors()).extracting(QuantityError::quantity).contains("final pA");
    }
  }
}
