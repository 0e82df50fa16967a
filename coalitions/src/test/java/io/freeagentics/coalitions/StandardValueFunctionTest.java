package io.freeagentics.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StandardValueFunctionTest {
  private static final long CELL = 0x891f1d48177ffffL;

  @Test
  void jensenShannonOfIdenticalIsZeroAndOfDisjointIsOneBit() {
    assertThat(StandardValueFunction.jensenShannon(new double[] {0.3, 0.7}, new double[] {0.3, 0.7}))
        .isCloseTo(0, within(1e-15));
    assertThat(StandardValueFunction.jensenShannon(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(1.0);
  }

  @Test
  void jensenShannonKnownValue() {
    // JSD([1,0],[0.5,0.5]) = 0.5*log2(4/3) + 0.25*log2(2/3)*... computed directly below.
    double m0 = 0.75;
    double m1 = 0.25;
    double expected = 0.5 * (1 * log2(1 / m0)) + 0.5 * (0.5 * log2(0.5 / m0) + 0.5 * log2(0.5 / m1));
    assertThat(StandardValueFunction.jensenShannon(new double[] {1, 0}, new double[] {0.5, 0.5}))
        .isCloseTo(expected, within(1e-12));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void complementarityIsTheShareOneHasAndTheOtherLacks() {
    assertThat(StandardValueFunction.complementarity(0b0011, 0b0110)).isEqualTo(2.0 / 3);
    assertThat(StandardValueFunction.complementarity(0, 0)).isEqualTo(0.0);
    assertThat(StandardValueFunction.complementarity(0b1, 0b1)).isEqualTo(0.0);
    assertThat(StandardValueFunction.complementarity(0b1, 0b10)).isEqualTo(1.0);
  }

  @Test
  void pairWeightFollowsTheFormula() {
    StandardValueFunction f = ValueFunction.standard(CoalitionConfig.defaults().withWeights(2, 3).withLambda(0.5));
    Agent a = new Agent(1, CELL, 0b01, new double[] {1, 0});
    Agent b = new Agent(2, CELL, 0b10, new double[] {0, 1});
    // JSD = 1 so a_ij = 0; b_ij = 1; g(1) = 0.5.
    assertThat(f.pairWeight(a, b, 1)).isCloseTo(0.5 * (2 * 0 + 3 * 1), within(1e-12));
    assertThat(f.pairWeight(a, b, 2)).isEqualTo(0.0);
    assertThat(f.sizePenalty(1)).isEqualTo(0.0);
    assertThat(f.sizePenalty(4)).isEqualTo(0.5 * 9);
  }

  @Property
  void jensenShannonIsSymmetricAndWithinZeroAndOne(@ForAll @Size(min = 1, max = 8) double[] rawP,
      @ForAll @Size(min = 8, max = 8) double[] rawQ) {
    double[] p = normalise(rawP, rawP.length);
    double[] q = normalise(rawQ, rawP.length);
    double pq = StandardValueFunction.jensenShannon(p, q);
    assertThat(pq).isBetween(0.0, 1.0);
    assertThat(StandardValueFunction.jensenShannon(q, p)).isCloseTo(pq, within(1e-12));
  }

  @Property
  void pairWeightIsSymmetricAndNonNegative(@ForAll @DoubleRange(min = 0, max = 1) double x,
      @ForAll @DoubleRange(min = 0, max = 1) double y, @ForAll long capsA, @ForAll long capsB) {
    StandardValueFunction f = ValueFunction.standard(CoalitionConfig.defaults());
    Agent a = new Agent(1, CELL, capsA, new double[] {x, 1 - x});
    Agent b = new Agent(2, CELL, capsB, new double[] {y, 1 - y});
    for (int d = 0; d <= 1; d++) {
      assertThat(f.pairWeight(a, b, d)).isGreaterThanOrEqualTo(0).isCloseTo(f.pairWeight(b, a, d), within(1e-12));
    }
  }

  static double[] normalise(double[] raw, int n) {
    double[] p = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v = raw[i];
      p[i] = Double.isFinite(v) ? Math.abs(v) % 10 : 1;
      sum += p[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] = sum == 0 ? 1.0 / n : p[i] / sum;
    }
    return p;
  }
}
