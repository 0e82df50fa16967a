package io.freeagentics.population.internal;

import io.freeagentics.jvm.JvmCapabilities;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarMath}'s logarithm and exponential lane-wise over arrays of vectors: exponent and mantissa split by bit
 * manipulation, then the same Cephes polynomials. Written out because {@code VectorOperators.LOG/EXP} compile to
 * slow library calls or scalar fallbacks on some JDKs and platforms.
 *
 * <p>Two compiler constraints shape this class. A vector value passed to or returned from a method that C2 does
 * not inline is boxed on the heap, which costs more than the arithmetic; C2 inlines methods above 35 bytecodes only
 * when it judges the call hot, and the polynomials are far larger. So the functions work on whole arrays (the loop
 * with the polynomial inside is one compilation unit) and only the tiny {@link #mulAdd} helpers take vectors; the
 * species is never a parameter (it must be a constant where the vectors are created). And
 * lane casts between int and float are avoided (JDK 17 does not compile them for 16-lane vectors): exponents move
 * between int and float through the bit pattern of {@code 2^23 + k}. Multiply-adds use hardware FMA only where the
 * JVM reports it ({@link JvmCapabilities#FMA}); the software FMA fallback is very slow.
 */
final class VectorMath {
  /** The species of every vector of the kernels. A static final, so it is a compile-time constant in every
   *  method: the Vector API compiles to SIMD instructions only where the species is constant. */
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final boolean FMA = JvmCapabilities.FMA;
  /** 2^23 + 126: subtracted from the float with bits {@code 0x4B000000 | e} it gives the exponent of [0.5, 1). */
  private static final float EXPONENT_OFFSET = 8388608.0f + 126.0f;
  /** 2^23 + 127. */
  private static final float SCALE_OFFSET = 8388608.0f + 127.0f;

  private VectorMath() {}

  /** {@code a * b + c}, fused where the hardware has FMA. */
  static FloatVector mulAdd(FloatVector a, FloatVector b, FloatVector c) {
    return FMA ? a.fma(b, c) : a.mul(b).add(c);
  }

  /** {@code a * b + c} with a scalar {@code b}. */
  static FloatVector mulAdd(FloatVector a, float b, FloatVector c) {
    return FMA ? a.fma(a.broadcast(b), c) : a.mul(b).add(c);
  }

  /**
   * {@code to[i] = ln(from[i] + addend)} for {@code vectors} consecutive vectors; the sums must be positive, normal
   * and finite. {@code from} and {@code to} may be the same region.
   */
  static void log(float[] from, int fromOffset, float[] to, int toOffset, int vectors,
      float addend) {
    int w = SPECIES.length();
    for (int v = 0; v < vectors; v++) {
      FloatVector x = FloatVector.fromArray(SPECIES, from, fromOffset + v * w).add(addend);
      IntVector bits = x.reinterpretAsInts();
      // The biased exponent e (0..255) as a float without a lane cast: the bits 0x4B000000 | e are 2^23 + e.
      FloatVector exponent = bits.lanewise(VectorOperators.LSHR, 23).or(0x4B000000).reinterpretAsFloats()
          .sub(EXPONENT_OFFSET);
      FloatVector m = bits.and(0x007fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> small = m.lt(ScalarMath.SQRT_HALF);
      exponent = exponent.sub(1.0f, small);
      m = m.sub(1.0f).add(m, small);
      FloatVector z = m.mul(m);
      FloatVector y = m.broadcast(ScalarMath.L0);
      y = mulAdd(y, m, m.broadcast(ScalarMath.L1));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L2));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L3));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L4));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L5));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L6));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L7));
      y = mulAdd(y, m, m.broadcast(ScalarMath.L8));
      y = y.mul(m).mul(z);
      y = mulAdd(exponent, ScalarMath.LN2_LO, y);
      y = mulAdd(z, -0.5f, y);
      mulAdd(exponent, ScalarMath.LN2_HI, m.add(y)).intoArray(to, toOffset + v * w);
    }
  }

  /**
   * In place over {@code count} vectors at stride one vector from {@code offset}: lane-wise
   * {@code softmax} ({@code e^(v - max) / sum}), exponentials of arguments below -87 taken as 0.
   */
  static void softmax(float[] values, int offset, int count) {
    int w = SPECIES.length();
    FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int k = 0; k < count; k++) {
      max = max.max(FloatVector.fromArray(SPECIES, values, offset + k * w));
    }
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < count; k++) {
      FloatVector x = FloatVector.fromArray(SPECIES, values, offset + k * w).sub(max);
      VectorMask<Float> tiny = x.lt(ScalarMath.EXP_LOWEST);
      FloatVector c = x.max(ScalarMath.EXP_LOWEST);
      FloatVector n = c.mul(ScalarMath.LOG2E).add(ScalarMath.ROUNDING_MAGIC).sub(ScalarMath.ROUNDING_MAGIC);
      FloatVector r = c.sub(n.mul(ScalarMath.LN2_HI)).sub(n.mul(ScalarMath.LN2_LO));
      FloatVector z = r.mul(r);
      FloatVector y = r.broadcast(ScalarMath.E0);
      y = mulAdd(y, r, r.broadcast(ScalarMath.E1));
      y = mulAdd(y, r, r.broadcast(ScalarMath.E2));
      y = mulAdd(y, r, r.broadcast(ScalarMath.E3));
      y = mulAdd(y, r, r.broadcast(ScalarMath.E4));
      y = mulAdd(y, r, r.broadcast(ScalarMath.E5));
      y = mulAdd(y, z, r).add(1.0f);
      // 2^n without a lane cast: n + 2^23 + 127 has the bits 0x4B000000 + (n + 127); shifting left by 23 drops
      // the 0x4B000000 and leaves n + 127 in the exponent field.
      FloatVector scale = n.add(SCALE_OFFSET).reinterpretAsInts().lanewise(VectorOperators.LSHL, 23)
          .reinterpretAsFloats();
      FloatVector e = y.mul(scale).blend(0.0f, tiny);
      e.intoArray(values, offset + k * w);
      sum = sum.add(e);
    }
    FloatVector inverse = FloatVector.broadcast(SPECIES, 1.0f).div(sum);
    for (int k = 0; k < count; k++) {
      FloatVector.fromArray(SPECIES, values, offset + k * w).mul(inverse).intoArray(values, offset + k * w);
    }
  }
}
