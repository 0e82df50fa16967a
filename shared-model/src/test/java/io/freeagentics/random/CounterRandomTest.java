package io.freeagentics.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counter-based numbers are a function of their key, uniform, and differ between keys. */
class CounterRandomTest {

  @Test
  void theSameKeyGivesTheSameNumber() {
    assertThat(CounterRandom.uniform(1, 2, 3, 0)).isEqualTo(CounterRandom.uniform(1, 2, 3, 0));
  }

  @Test
  void everyKeyComponentChangesTheNumber() {
    Set<Float> values = new HashSet<>();
    values.add(CounterRandom.uniform(1, 2, 3, 0));
    values.add(CounterRandom.uniform(2, 2, 3, 0));
    values.add(CounterRandom.uniform(1, 3, 3, 0));
    values.add(CounterRandom.uniform(1, 2, 4, 0));
    values.add(CounterRandom.uniform(1, 2, 3, 1));
    assertThat(values).hasSize(5);
  }

  @Test
  void numbersAreUniformInTheUnitInterval() {
    int bins = 10;
    int[] counts = new int[bins];
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float u = CounterRandom.uniform(7, i % 1000, i / 1000, 0);
      assertThat(u).isGreaterThanOrEqualTo(0f).isLessThan(1f);
      counts[(int) (u * bins)]++;
      sum += u;
    }
    for (int count : counts) {
      assertThat((double) count / n).isCloseTo(0.1, offset(0.005));
    }
    assertThat(sum / n).isCloseTo(0.5, offset(0.005));
  }
}
