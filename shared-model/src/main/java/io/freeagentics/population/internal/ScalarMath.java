package io.freeagentics.population.internal;

/**
 * Natural logarithm and exponential in float, by the same range reduction and polynomials (Cephes' {@code logf} and
 * {@code expf}) as {@link VectorMath}, so that the plain-Java and the vector kernels compute alike. Accuracy is about
 * one ulp of float over the ranges the kernels use.
 */
final class ScalarMath {
  /** pymdp's additive guard inside logarithms ({@code ln~(x) = ln(x + 1e-16)}), representable in float. */
  static final float LOG_GUARD = 1e-16f;

  static final float SQRT_HALF = 0.707106781186547524f;
  static final float LN2_HI = 0.693359375f;
  static final float LN2_LO = -2.12194440e-4f;
  static final float LOG2E = 1.44269504088896341f;
  /** Arguments of {@link #exp(float)} below this give 0 (the result would be subnormal). */
  static final float EXP_LOWEST = -87.0f;
  static final float EXP_HIGHEST = 88.0f;
  /** Adding then subtracting 1.5 * 2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
  static final float ROUNDING_MAGIC = 12582912.0f;

  static final float L0 = 7.0376836292E-2f;
  static final float L1 = -1.1514610310E-1f;
  static final float L2 = 1.1676998740E-1f;
  static final float L3 = -1.2420140846E-1f;
  static final float L4 = 1.4249322787E-1f;
  static final float L5 = -1.6668057665E-1f;
  static final float L6 = 2.0000714765E-1f;
  static final float L7 = -2.4999993993E-1f;
  static final float L8 = 3.3333331174E-1f;

  static final float E0 = 1.9875691500E-4f;
  static final float E1 = 1.3981999507E-3f;
  static final float E2 = 8.3334519073E-3f;
  static final float E3 = 4.1665795894E-2f;
  static final float E4 = 1.6666665459E-1f;
  static final float E5 = 5.0000001201E-1f;

  private ScalarMath() {}

  /** ln(x) for positive, normal, finite x (the kernels only pass {@code value + 1e-16} of a probability or a sum
   *  of probabilities). */
  static float log(float x) {
    int bits = Float.floatToRawIntBits(x);
    float exponent = (float) ((bits >>> 23) - 126);
    float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f000000); // mantissa in [0.5, 1)
    if (m < SQRT_HALF) {
      exponent -= 1.0f;
      m = m + m - 1.0f;
    } else {
      m = m - 1.0f;
    }
    float z = m * m;
    float y = L0;
    y = y * m + L1;
    y = y * m + L2;
    y = y * m + L3;
    y = y * m + L4;
    y = y * m + L5;
    y = y * m + L6;
    y = y * m + L7;
    y = y * m + L8;
    y = y * m * z;
    y = y + LN2_LO * exponent;
    y = y - 0.5f * z;
    return m + y + LN2_HI * exponent;
  }

  /** e^x for x up to 88; 0 for x below -87 (where the true value is below 1.7e-38). */
  static float exp(float x) {
    if (x < EXP_LOWEST) {
      return 0.0f;
    }
    float clamped = Math.min(x, EXP_HIGHEST);
    float n = (clamped * LOG2E + ROUNDING_MAGIC) - ROUNDING_MAGIC;
    float r = clamped - n * LN2_HI - n * LN2_LO;
    float z = r * r;
    float y = E0;
    y = y * r + E1;
    y = y * r + E2;
    y = y * r + E3;
    y = y * r + E4;
    y = y * r + E5;
    y = y * z + r + 1.0f;
    return y * Float.intBitsToFloat(((int) n + 127) << 23);
  }
}
