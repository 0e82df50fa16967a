package io.freeagentics.population.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.BuiltInModels;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Matrices take the cheapest form for their structure, and both kernels multiply every lane alike in every form. */
class LaneMatrixTest {

  @Test
  void theFormFollowsTheStructure() {
    Random random = new Random(1);
    assertThat(LaneMatrix.of(8, 8, entries(8, 8, LaneMatrix.Form.DENSE, random)).form)
        .isEqualTo(LaneMatrix.Form.DENSE);
    assertThat(LaneMatrix.of(8, 8, entries(8, 8, LaneMatrix.Form.SPARSE, random)).form)
        .isEqualTo(LaneMatrix.Form.SPARSE);
    LaneMatrix noisyIdentity = LaneMatrix.of(8, 8, entries(8, 8, LaneMatrix.Form.BACKGROUND, random));
    assertThat(noisyIdentity.form).isEqualTo(LaneMatrix.Form.BACKGROUND);
    assertThat(noisyIdentity.background).isEqualTo(0.01f);
    double[] withZero = entries(8, 8, LaneMatrix.Form.BACKGROUND, random);
    withZero[3] = 0.0;
    assertThat(LaneMatrix.of(8, 8, withZero).form).as("a zero entry rules out a background")
        .isNotEqualTo(LaneMatrix.Form.BACKGROUND);
    assertThat(noisyIdentity.residualColumns).hasSize(8);
  }

  @Test
  void tinyProductsKeepTheirRelativeAccuracy() {
    // Two entries round to 1.0f; a background of 1 would subtract nearly equal numbers and lose the tiny result.
    double[] entries = {6.37e-12, 0.99999999999834, 0.999999999994, 1.66e-12};
    LaneMatrix matrix = LaneMatrix.of(2, 2, entries);
    assertThat(matrix.form).isNotEqualTo(LaneMatrix.Form.BACKGROUND);
    for (LaneKernel kernel : kernels()) {
      int w = kernel.lanes;
      float[] x = new float[2 * w];
      java.util.Arrays.fill(x, 0, w, 1.0f);
      java.util.Arrays.fill(x, w, 2 * w, 5.96e-12f);
      float[] out = new float[2 * w];
      kernel.multiply(matrix, x, 0, out, 0);
      double expected = 6.37e-12 + 0.99999999999834 * 5.96e-12f;
      assertThat((double) out[0]).as(kernel.description()).isCloseTo(expected, offset(expected * 1e-6));
    }
  }

  private static LaneKernel[] kernels() {
    return new LaneKernel[] {new ScalarLaneKernel(CompiledModel.compile(BuiltInModels.grid(3), AgentSettings.defaults()), "test"),
        VectorKernels.create(CompiledModel.compile(BuiltInModels.grid(3), AgentSettings.defaults()))};
  }

  @Test
  void theExactCompressedRowsAreKeptInEveryForm() {
    LaneMatrix sparse = LaneMatrix.of(3, 3, new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0});
    assertThat(sparse.nonZeros()).isEqualTo(1);
    double[] out = new double[3];
    sparse.multiply(new double[] {1, 2, 3}, out);
    assertThat(out).containsExactly(3, 0, 0);
    LaneMatrix background = LaneMatrix.of(8, 8, entries(8, 8, LaneMatrix.Form.BACKGROUND, new Random(2)));
    assertThat(background.nonZeros()).isEqualTo(64);
  }

  @ParameterizedTest
  @EnumSource(LaneMatrix.Form.class)
  void kernelsMultiplyEveryLane(LaneMatrix.Form form) {
    Random random = new Random(3);
    int rows = 9;
    int cols = 9;
    double[] entries = entries(rows, cols, form, random);
    LaneMatrix matrix = LaneMatrix.of(rows, cols, entries);
    assertThat(matrix.form).isEqualTo(form);
    for (LaneKernel kernel : kernels()) {
      int w = kernel.lanes;
      float[] x = new float[(cols + 1) * w];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextFloat();
      }
      float[] out = new float[(rows + 2) * w];
      kernel.multiply(matrix, x, w, out, 2 * w);
      for (int r = 0; r < rows; r++) {
        for (int l = 0; l < w; l++) {
          double expected = 0;
          for (int c = 0; c < cols; c++) {
            expected += entries[r * cols + c] * x[(c + 1) * w + l];
          }
          assertThat((double) out[(r + 2) * w + l]).as("%s row %d lane %d", kernel.description(), r, l)
              .isCloseTo(expected, offset(1e-5));
        }
      }
    }
  }

  /** Entries with the structure of {@code form}: all random, 1 in 6 non-zero, or 0.01 plus a random diagonal. */
  private static double[] entries(int rows, int cols, LaneMatrix.Form form, Random random) {
    double[] entries = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        entries[r * cols + c] = switch (form) {
          case DENSE -> random.nextDouble();
          case SPARSE -> random.nextInt(6) == 0 ? random.nextDouble() : 0.0;
          case BACKGROUND -> r == c ? 0.5 + random.nextDouble() : 0.01;
        };
      }
    }
    return entries;
  }
}
