package io.freeagentics.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Error bounds and robustness of the 8-bit graded logarithmic code. */
class LogCodecPropertyTest {

  @Property
  void aRatioRoundTripsWithinTheLocalRelativeErrorBound(@ForAll @DoubleRange(min = 0.0, max = 1.0) double ratio) {
    int code = LogCodec.encodeRatio(ratio);
    assertThat(code).isBetween(0, LogCodec.ZERO_CODE);
    double restored = LogCodec.ratio(code);
    if (code == LogCodec.ZERO_CODE) {
      assertThat(ratio).isLessThan(Math.exp(-LogCodec.RANGE_NATS + 0.5));
      assertThat(restored).isZero();
      return;
    }
    double bound = LogCodec.relativeErrorBound(-Math.log(ratio));
    assertThat(Math.abs(Math.log(restored / ratio))).as("ratio %s code %d", ratio, code)
        .isLessThanOrEqualTo(Math.log1p(bound) + 1e-6);
  }

  @Property
  void tinyRatiosSpanTheWholeRangeLogarithmically(@ForAll @DoubleRange(min = 0.0, max = 44.0) double nats) {
    double ratio = Math.exp(-nats);
    double restored = LogCodec.ratio(LogCodec.encodeRatio(ratio));
    assertThat(restored).isPositive();
    assertThat(Math.abs(Math.log(restored / ratio))).isLessThanOrEqualTo(Math.log1p(LogCodec.relativeErrorBound(nats)));
  }

  @Property
  void codesDecreaseAsRatiosGrow(@ForAll @DoubleRange(min = 0.0, max = 1.0) double a,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double b) {
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    assertThat(LogCodec.encodeRatio(low)).isGreaterThanOrEqualTo(LogCodec.encodeRatio(high));
  }

  @Provide
  Arbitrary<double[]> weights() {
    Arbitrary<Double> entry = Arbitraries.oneOf(
        Arbitraries.doubles().between(0.0, 1.0).ofScale(12),
        Arbitraries.doubles().between(-40.0, -12.0).map(e -> Math.pow(10, e)),
        Arbitraries.of(0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e300, Double.MAX_VALUE, 1.0));
    return entry.array(double[].class).ofMinSize(1).ofMaxSize(64)
        .filter(w -> java.util.Arrays.stream(w).anyMatch(v -> v > 0));
  }

  @Property
  void decodedDistributionsAreValidAndCloseToTheNormalisedWeights(@ForAll("weights") double[] weights) {
    double[] decoded = LogCodec.decodeDistribution(LogCodec.encodeDistribution(weights));
    double max = java.util.Arrays.stream(weights).max().orElseThrow();
    double[] ratios = new double[weights.length];
    double ratioSum = 0;
    for (int i = 0; i < weights.length; i++) {
      ratios[i] = weights[i] / max;
      ratioSum += ratios[i];
    }
    double sum = 0;
    double l1 = 0;
    double bound = 0;
    for (int i = 0; i < weights.length; i++) {
      assertThat(decoded[i]).isFinite().isBetween(0.0, 1.0);
      sum += decoded[i];
      double p = ratios[i] / ratioSum;
      l1 += Math.abs(decoded[i] - p);
      double local = ratios[i] < Math.exp(-LogCodec.RANGE_NATS + 0.5) ? 1.0
          : LogCodec.relativeErrorBound(-Math.log(ratios[i]));
      bound += p * local;
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    // L1 <= 2 sum_i p_i b_i / (1 - max b) (the reference entry is exact), plus float rounding.
    assertThat(l1).isLessThanOrEqualTo(2 * bound / (1 - 0.35) + 1e-5);
  }

  @Property
  void theFloatEncoderAgreesWithTheCheckedOneWithinOneCode(@ForAll("weights") double[] weights) {
    float[] asFloat = new float[weights.length];
    for (int i = 0; i < weights.length; i++) {
      asFloat[i] = (float) Math.min(weights[i], 1e30);
    }
    boolean anyPositive = false;
    for (float v : asFloat) {
      anyPositive |= v > 0;
    }
    if (!anyPositive) {
      return;
    }
    double[] clipped = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      clipped[i] = asFloat[i];
    }
    byte[] checked = LogCodec.encodeDistribution(clipped);
    byte[] engine = new byte[weights.length];
    LogCodec.encodeDistribution(asFloat, 0, asFloat.length, engine, 0);
    for (int i = 0; i < weights.length; i++) {
      assertThat(Math.abs((checked[i] & 0xFF) - (engine[i] & 0xFF))).as("entry %d of %s", i,
          java.util.Arrays.toString(asFloat)).isLessThanOrEqualTo(
              (checked[i] & 0xFF) == LogCodec.ZERO_CODE || (engine[i] & 0xFF) == LogCodec.ZERO_CODE ? 255 : 1);
    }
  }

  @Property
  void invalidWeightsAreRejectedWithTheirIndex(@ForAll("badValues") double bad) {
    double[] weights = {0.5, bad, 0.25};
    assertThatThrownBy(() -> LogCodec.encodeDistribution(weights)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight 1");
  }

  @Provide
  Arbitrary<Double> badValues() {
    return Arbitraries.of(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e-300, -1.0));
  }

  @Property(tries = 10)
  void allZeroWeightsAndOutOfRangeRatiosAreRejected(@ForAll @DoubleRange(min = 1.01, max = 1e300) double tooLarge) {
    assertThatThrownBy(() -> LogCodec.encodeDistribution(new double[] {0.0, 0.0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all zero");
    assertThatThrownBy(() -> LogCodec.encodeRatio(tooLarge)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogCodec.encodeRatio(-tooLarge)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogCodec.decodeDistribution(new byte[] {(byte) 255, (byte) 255}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 1)
  void theGradedCodeHasTheDocumentedShape() {
    assertThat(LogCodec.distance(0)).isZero();
    assertThat(LogCodec.distance(1)).isCloseTo(LogCodec.FIRST_STEP_NATS, org.assertj.core.data.Offset.offset(2e-3));
    assertThat(LogCodec.distance(LogCodec.MAX_CODE)).isCloseTo(LogCodec.RANGE_NATS,
        org.assertj.core.data.Offset.offset(1e-6));
    assertThat(LogCodec.distance(LogCodec.ZERO_CODE)).isInfinite();
    assertThat(LogCodec.guardedNats(LogCodec.ZERO_CODE)).isEqualTo(LogCodec.GUARD_NATS);
    for (int c = 1; c <= LogCodec.MAX_CODE; c++) {
      assertThat(LogCodec.distance(c)).isGreaterThan(LogCodec.distance(c - 1));
    }
  }
}
