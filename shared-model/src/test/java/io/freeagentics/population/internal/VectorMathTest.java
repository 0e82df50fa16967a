package io.freeagentics.population.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector logarithm and softmax agree with the scalar ones lane by lane. */
class VectorMathTest {
  private static final int LANES = VectorMath.SPECIES.length();

  @Test
  void logAgreesWithTheScalarLogarithmInEveryLane() {
    Random random = new Random(4);
    int vectors = 200;
    float[] x = new float[vectors * LANES];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.exp(-37 * random.nextDouble()) * (random.nextBoolean() ? 1f : 30f);
    }
    float[] out = new float[x.length];
    VectorMath.log(x, 0, out, 0, vectors, ScalarMath.LOG_GUARD);
    for (int i = 0; i < x.length; i++) {
      float expected = ScalarMath.log(x[i] + ScalarMath.LOG_GUARD);
      assertThat(out[i]).as("ln(%s)", x[i]).isCloseTo(expected, offset(Math.max(1e-6f, Math.abs(expected) * 2e-7f)));
    }
  }

  @Test
  void logWorksInPlaceAtAnOffset() {
    float[] x = new float[3 * LANES];
    java.util.Arrays.fill(x, (float) Math.E);
    VectorMath.log(x, LANES, x, LANES, 2, 0.0f);
    for (int i = 0; i < LANES; i++) {
      assertThat(x[i]).isEqualTo((float) Math.E);
      assertThat(x[LANES + i]).isCloseTo(1.0f, offset(1e-6f));
      assertThat(x[2 * LANES + i]).isCloseTo(1.0f, offset(1e-6f));
    }
  }

  @Test
  void softmaxNormalisesEveryLaneAndDropsNegligibleTerms() {
    Random random = new Random(8);
    int count = 7;
    float[] values = new float[count * LANES];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 30);
    }
    float[] expected = values.clone();
    VectorMath.softmax(values, 0, count);
    for (int l = 0; l < LANES; l++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < count; k++) {
        max = Math.max(max, expected[k * LANES + l]);
      }
      double sum = 0;
      for (int k = 0; k < count; k++) {
        sum += Math.exp(expected[k * LANES + l] - max);
      }
      for (int k = 0; k < count; k++) {
        double exact = Math.exp(expected[k * LANES + l] - max) / sum;
        assertThat((double) values[k * LANES + l]).isCloseTo(exact, offset(1e-6 + exact * 1e-6));
      }
    }
  }
}
