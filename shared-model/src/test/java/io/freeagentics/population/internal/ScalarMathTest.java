package io.freeagentics.population.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

/** The float logarithm and exponential are accurate to a few ulps over the ranges the kernels use. */
class ScalarMathTest {

  @Property(tries = 5000)
  void logIsAccurateForProbabilitiesAndSums(@ForAll @DoubleRange(min = -36.9, max = 4.2) double logOfX) {
    float x = (float) Math.exp(logOfX);
    double exact = Math.log(x);
    assertThat((double) ScalarMath.log(x)).isCloseTo(exact, offset(Math.max(4e-7, Math.abs(exact) * 3e-7)));
  }

  @Property(tries = 5000)
  void expIsAccurateForSoftmaxArguments(@ForAll @FloatRange(min = -87f, max = 20f) float x) {
    double exact = Math.exp(x);
    assertThat((double) ScalarMath.exp(x)).isCloseTo(exact, offset(exact * 4e-7));
  }

  @Test
  void edgeValues() {
    assertThat(ScalarMath.log(1.0f)).isZero();
    assertThat((double) ScalarMath.log(ScalarMath.LOG_GUARD)).isCloseTo(Math.log(1e-16), offset(1e-5));
    assertThat((double) ScalarMath.log(Float.MIN_NORMAL)).isCloseTo(Math.log(Float.MIN_NORMAL), offset(1e-4));
    assertThat(ScalarMath.exp(0.0f)).isEqualTo(1.0f);
    assertThat(ScalarMath.exp(-87.5f)).isZero();
    assertThat(ScalarMath.exp(-1000f)).isZero();
    assertThat(ScalarMath.exp(88f)).isFinite();
  }
}
