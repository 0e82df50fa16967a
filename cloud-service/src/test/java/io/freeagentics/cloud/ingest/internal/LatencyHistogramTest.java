package io.freeagentics.cloud.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Property(tries = 2000)
  void bucketsContainTheirValues(@ForAll @LongRange(min = 0, max = 1L << 40) long value) {
    int bucket = LatencyHistogram.bucket(value);
    assertThat(LatencyHistogram.upper(bucket)).isGreaterThanOrEqualTo(value);
    assertThat(LatencyHistogram.upper(bucket)).isLessThanOrEqualTo(Math.max(value, (long) (value * 1.0313) + 1));
    if (bucket > 0) {
      assertThat(LatencyHistogram.upper(bucket - 1)).isLessThan(value);
    }
  }

  @Test
  void quantilesAreWithinThreePercentOfTheExactOnes() {
    Random random = new Random(5);
    LatencyHistogram histogram = new LatencyHistogram();
    long[] values = new long[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) Math.exp(random.nextDouble() * 10);
      histogram.record(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      long exact = values[(int) Math.ceil(q * values.length) - 1];
      assertThat((double) histogram.quantile(q)).isBetween((double) exact, exact * 1.032 + 1);
    }
    assertThat(histogram.max()).isEqualTo(values[values.length - 1]);
    assertThat(histogram.count()).isEqualTo(10_000);
  }

  @Test
  void countsNegativeDurationsAsZeroAndAnEmptyHistogramAsZero() {
    LatencyHistogram histogram = new LatencyHistogram();
    assertThat(histogram.quantile(0.99)).isZero();
    histogram.record(-5);
    assertThat(histogram.quantile(0.5)).isZero();
  }
}
