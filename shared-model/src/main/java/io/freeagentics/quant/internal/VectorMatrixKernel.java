package io.freeagentics.quant.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API products over the preferred species, with a scalar tail. Loaded only when {@link KernelSelection}
 * chose it, so JVMs without the {@code jdk.incubator.vector} module never touch it.
 */
final class VectorMatrixKernel extends MatrixKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /** Floats per vector of the preferred species. */
  static int lanes() {
    return SPECIES.length();
  }

  @Override
  String description() {
    return "vector " + SPECIES.vectorBitSize() + "-bit (" + SPECIES.length() + " floats)";
  }

  @Override
  float outcomeTerms(float[] q, float[] values, int length) {
    int bound = SPECIES.loopBound(length);
    int o = 0;
    float sum = 0.0f;
    if (bound > 0) {
      FloatVector acc = FloatVector.zero(SPECIES);
      for (; o < bound; o += SPECIES.length()) {
        FloatVector p = FloatVector.fromArray(SPECIES, q, o);
        FloatVector log = p.add(1e-16f).lanewise(VectorOperators.LOG);
        acc = p.fma(FloatVector.fromArray(SPECIES, values, o).sub(log), acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; o < length; o++) {
      sum += q[o] * (values[o] - FastMath.log(q[o] + 1e-16f));
    }
    return sum;
  }

  @Override
  float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    int bound = SPECIES.loopBound(length);
    int i = 0;
    float sum = 0.0f;
    if (bound > 0) {
      FloatVector acc = FloatVector.zero(SPECIES);
      for (; i < bound; i += SPECIES.length()) {
        acc = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < length; i++) {
      sum += a[aOffset + i] * b[bOffset + i];
    }
    return sum;
  }
}
