package io.freeagentics.quant.internal;

/**
 * The dense float products of policy evaluation (predicted outcomes {@code A_joint x}, state values
 * {@code v . x}), in plain Java or with the Vector API; chosen once at start-up by {@link KernelSelection}.
 * Implementations are stateless and may be shared by threads.
 */
abstract class MatrixKernel {
  /** What computes, for example {@code "vector 256-bit (8 floats)"}. */
  abstract String description();

  /** {@code sum_i a[aOffset + i] * b[bOffset + i]} for {@code i < length}. */
  abstract float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** {@code sum_o q[o] * (values[o] - ln(q[o] + 1e-16))} for {@code o < length}: a policy step's outcome terms. */
  abstract float outcomeTerms(float[] q, float[] values, int length);

  /** {@code out[r] = sum_c matrix[r * cols + c] * x[xOffset + c]} for every row {@code r < rows}. */
  void multiply(float[] matrix, int rows, int cols, float[] x, int xOffset, float[] out) {
    for (int r = 0; r < rows; r++) {
      out[r] = dot(matrix, r * cols, x, xOffset, cols);
    }
  }
}
