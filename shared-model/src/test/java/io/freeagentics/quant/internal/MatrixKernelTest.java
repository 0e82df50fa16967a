package io.freeagentics.quant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.jvm.JvmCapabilities;
import io.freeagentics.population.KernelPreference;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Vector API kernel computes what the plain-Java one does, for lengths with and without a tail. */
class MatrixKernelTest {
  private final MatrixKernel scalar = new ScalarMatrixKernel("test");
  private final MatrixKernel vector = new VectorMatrixKernel();

  @Test
  void dotProductsAgreeForEveryLength() {
    Random random = new Random(1);
    for (int length = 0; length <= 70; length++) {
      float[] a = new float[length + 3];
      float[] b = new float[length + 5];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextFloat();
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextFloat();
      }
      float expected = scalar.dot(a, 3, b, 5, length);
      assertThat(vector.dot(a, 3, b, 5, length)).as("length %d", length)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f * (1 + length)));
    }
  }

  @Test
  void matrixProductsAgree() {
    Random random = new Random(2);
    int rows = 13;
    int cols = 27;
    float[] m = new float[rows * cols];
    float[] x = new float[cols + 2];
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextFloat();
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    float[] expected = new float[rows];
    float[] actual = new float[rows];
    scalar.multiply(m, rows, cols, x, 2, expected);
    vector.multiply(m, rows, cols, x, 2, actual);
    for (int r = 0; r < rows; r++) {
      assertThat(actual[r]).isCloseTo(expected[r], org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void outcomeTermsAgree() {
    Random random = new Random(3);
    for (int length = 1; length <= 40; length++) {
      float[] q = new float[length];
      float[] values = new float[length];
      for (int o = 0; o < length; o++) {
        q[o] = o % 7 == 0 ? 0.0f : random.nextFloat();
        values[o] = -5 * random.nextFloat();
      }
      float expected = 0;
      for (int o = 0; o < length; o++) {
        expected += (float) (q[o] * (values[o] - Math.log(q[o] + 1e-16)));
      }
      assertThat(scalar.outcomeTerms(q, values, length)).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(1e-4f * length));
      assertThat(vector.outcomeTerms(q, values, length)).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(1e-4f * length));
    }
  }

  @Test
  void selectionFollowsThePreference() {
    assertThat(KernelSelection.choose(KernelPreference.SCALAR)).isInstanceOf(ScalarMatrixKernel.class);
    assertThat(KernelSelection.choose(KernelPreference.VECTOR)).isInstanceOf(VectorMatrixKernel.class);
    MatrixKernel auto = KernelSelection.choose(KernelPreference.AUTO);
    assertThat(auto.description()).isNotBlank();
    if (!JvmCapabilities.C2) {
      assertThat(auto).isInstanceOf(ScalarMatrixKernel.class);
    }
  }
}
