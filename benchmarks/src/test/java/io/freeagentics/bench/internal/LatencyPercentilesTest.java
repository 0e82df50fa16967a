package io.freeagentics.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

  @Test
  void nearestRankPercentilesInMicroseconds() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1000L; // 100 us down to 1 us, unsorted on purpose
    }
    LatencyPercentiles percentiles = LatencyPercentiles.of(nanos);
    assertThat(percentiles.samples()).isEqualTo(100);
    assertThat(percentiles.p50Micros()).isCloseTo(50.0, within(1e-12));
    assertThat(percentiles.p99Micros()).isCloseTo(99.0, within(1e-12));
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    LatencyPercentiles percentiles = LatencyPercentiles.of(new long[] {1500});
    assertThat(percentiles.p50Micros()).isEqualTo(1.5);
    assertThat(percentiles.p99Micros()).isEqualTo(1.5);
  }

  @Test
  void rejectsNoSamples() {
    assertThatThrownBy(() -> LatencyPercentiles.of(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty");
  }
}
