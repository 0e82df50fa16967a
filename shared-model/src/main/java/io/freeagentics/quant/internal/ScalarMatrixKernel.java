package io.freeagentics.quant.internal;

/** Plain-Java products: the path for JVMs without C2 or without the Vector API module. */
final class ScalarMatrixKernel extends MatrixKernel {
  private final String reason;

  ScalarMatrixKernel(String reason) {
    this.reason = reason;
  }

  @Override
  String description() {
    return "scalar (" + reason + ")";
  }

  @Override
  float outcomeTerms(float[] q, float[] values, int length) {
    float sum = 0.0f;
    for (int o = 0; o < length; o++) {
      sum += q[o] * (values[o] - FastMath.log(q[o] + 1e-16f));
    }
    return sum;
  }

  @Override
  float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    float sum0 = 0.0f;
    float sum1 = 0.0f;
    int i = 0;
    for (; i + 1 < length; i += 2) {
      sum0 += a[aOffset + i] * b[bOffset + i];
      sum1 += a[aOffset + i + 1] * b[bOffset + i + 1];
    }
    if (i < length) {
      sum0 += a[aOffset + i] * b[bOffset + i];
    }
    return sum0 + sum1;
  }
}
