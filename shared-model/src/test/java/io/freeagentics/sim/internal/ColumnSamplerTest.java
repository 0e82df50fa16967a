package io.freeagentics.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.Tensor;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ColumnSamplerTest {
  /** Always draws 0.0, the smallest {@code nextDouble()}. */
  private static final RandomGenerator SMALLEST_DRAW = () -> 0L;
  /** Always draws 1 - 2^-53, the largest {@code nextDouble()}. */
  private static final RandomGenerator LARGEST_DRAW = () -> -1L;

  @Property(tries = 200)
  void neverDrawsARowOfZeroProbability(@ForAll @Size(min = 1, max = 12) int[] weightsRaw,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    double[] weights = normalised(weightsRaw);
    ColumnSampler sampler = ColumnSampler.of("w", Tensor.of(new int[] {weights.length, 1}, weights));
    SplittableRandom random = new SplittableRandom(seed);
    for (int draw = 0; draw < 200; draw++) {
      int row = sampler.sample(0, random);
      assertThat(row).isBetween(0, weights.length - 1);
      assertThat(weights[row]).isPositive();
    }
    assertThat(weights[sampler.sample(0, SMALLEST_DRAW)]).isPositive();
    assertThat(weights[sampler.sample(0, LARGEST_DRAW)]).isPositive();
  }

  @Property(tries = 50)
  void drawFrequenciesFollowTheColumn(@ForAll @Size(min = 1, max = 6) int[] weightsRaw,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    double[] weights = normalised(weightsRaw);
    ColumnSampler sampler = ColumnSampler.of("w", Tensor.of(new int[] {weights.length}, weights));
    SplittableRandom random = new SplittableRandom(seed);
    int draws = 20_000;
    int[] counts = new int[weights.length];
    for (int draw = 0; draw < draws; draw++) {
      counts[sampler.sample(0, random)]++;
    }
    for (int row = 0; row < weights.length; row++) {
      // Five standard deviations of a binomial share: fails by chance about once in 10^6 rows.
      double tolerance = 5 * Math.sqrt(weights[row] * (1 - weights[row]) / draws) + 1e-12;
      assertThat(counts[row] / (double) draws).isBetween(weights[row] - tolerance, weights[row] + tolerance);
    }
  }

  @Test
  void drawsEachColumnWithItsOwnProbabilities() {
    // Two columns of a (3 x 2) table: column 0 = (0.2, 0.0, 0.8), column 1 = (0.0, 1.0, 0.0).
    Tensor table = Tensor.of(new int[] {3, 2}, new double[] {0.2, 0.0, 0.0, 1.0, 0.8, 0.0});
    ColumnSampler sampler = ColumnSampler.of("t", table);
    assertThat(sampler.rows()).isEqualTo(3);
    assertThat(sampler.columns()).isEqualTo(2);
    SplittableRandom random = new SplittableRandom(9);
    int[] counts = new int[3];
    for (int draw = 0; draw < 10_000; draw++) {
      counts[sampler.sample(0, random)]++;
      assertThat(sampler.sample(1, random)).isEqualTo(1);
    }
    assertThat(counts[1]).isZero();
    assertThat(counts[0] / 10_000.0).isBetween(0.18, 0.22);
  }

  @Test
  void columnsOfATransitionTableArePreviousStateTimesControl() {
    // B of shape (2 next, 2 previous, 2 controls): control 0 stays, control 1 swaps.
    double[] b = new double[8];
    for (int previous = 0; previous < 2; previous++) {
      b[(previous * 2 + previous) * 2] = 1.0;
      b[((1 - previous) * 2 + previous) * 2 + 1] = 1.0;
    }
    ColumnSampler sampler = ColumnSampler.of("B[0]", Tensor.of(new int[] {2, 2, 2}, b));
    SplittableRandom random = new SplittableRandom(1);
    assertThat(sampler.sample(0 * 2 + 0, random)).isZero();
    assertThat(sampler.sample(0 * 2 + 1, random)).isEqualTo(1);
    assertThat(sampler.sample(1 * 2 + 0, random)).isEqualTo(1);
    assertThat(sampler.sample(1 * 2 + 1, random)).isZero();
  }

  @Test
  void aColumnWhoseSumRoundsBelowOneStillDrawsItsLastPossibleRow() {
    // 0.1 summed ten times is 1 - 2^-53, the largest draw nextDouble() can return: without the guard that draw
    // would fall past row 9 onto the impossible rows 10 and 11 (or off the end).
    double[] tenths = new double[12];
    for (int row = 0; row < 10; row++) {
      tenths[row] = 0.1;
    }
    ColumnSampler sampler = ColumnSampler.of("tenths", Tensor.vector(tenths));
    assertThat(sampler.sample(0, LARGEST_DRAW)).isEqualTo(9);
    assertThat(sampler.sample(0, SMALLEST_DRAW)).isZero();
  }

  @Test
  void rejectsAColumnThatDoesNotSumToOne() {
    assertThatThrownBy(() -> ColumnSampler.of("A[0]", Tensor.of(new int[] {2, 1}, new double[] {0.5, 0.4})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A[0]: column 0 must sum to 1 but sums to 0.9");
  }

  @Test
  void rejectsNegativeAndMissingEntries() {
    assertThatThrownBy(() -> ColumnSampler.of("D[1]", Tensor.vector(1.5, -0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("D[1]: entry (1, column 0) must be a probability but was -0.5");
    assertThatThrownBy(() -> ColumnSampler.of("D[1]", Tensor.vector(Double.NaN, 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was NaN");
  }

  /** The raw numbers folded to weights 0..3 (many zero rows), normalised; all zero becomes the last row. */
  private static double[] normalised(int[] raw) {
    double[] weights = new double[raw.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.floorMod(raw[i], 4);
      sum += weights[i];
    }
    if (sum == 0) {
      weights[weights.length - 1] = 1;
      sum = 1;
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= sum;
    }
    return weights;
  }
}
