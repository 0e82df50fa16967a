package io.freeagentics.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BenchTargetsTest {

  private static ThroughputResult result(String engine, String model, double stepsPerSecond, double p50Micros,
      double bytesPerAgent) {
    return new ThroughputResult(engine, model, 10_000, 10_000, 2, "test kernel", 20, 50, 1.0, stepsPerSecond, 50,
        1.0, 1e7, false, new LatencyPercentiles(20_000, p50Micros, p50Micros * 2), bytesPerAgent, true,
        OptionalDouble.of(bytesPerAgent), Optional.empty());
  }

  private static NumpyResult numpy(double stepsPerSecond) {
    return new NumpyResult(List.of("python3", "numpy_population.py"), stepsPerSecond, 0.6, "numpy side=5");
  }

  @Test
  void gridFiveRunsAreCheckedAgainstEveryTarget() {
    List<BenchTargets.Target> targets =
        BenchTargets.of(result("population", "grid:5", 5e6, 0.5, 400), Optional.of(numpy(2e5)));

    assertThat(targets).extracting(BenchTargets.Target::key).containsExactly("agent_updates_floor",
        "numpy_ratio_min_10", "latency_p50_max_1us", "bytes_per_agent_max_1kb");
    assertThat(targets).allMatch(BenchTargets.Target::met);
  }

  @Test
  void aMissIsReportedAsSuch() {
    List<BenchTargets.Target> targets =
        BenchTargets.of(result("population", "grid:5", 1e6, 1.5, 2000), Optional.of(numpy(2e5)));

    assertThat(targets).filteredOn(t -> !t.met()).extracting(BenchTargets.Target::key)
        .containsExactly("numpy_ratio_min_10", "latency_p50_max_1us", "bytes_per_agent_max_1kb");
    assertThat(BenchTargets.describe(targets.get(1))).startsWith("MISS").contains("measured 5");
  }

  @Test
  void otherModelsOnlyHaveTheFloor() {
    assertThat(BenchTargets.of(result("population", "tmaze", 5e5, 3, 900), Optional.empty()))
        .extracting(BenchTargets.Target::key).containsExactly("agent_updates_floor");
  }
}
