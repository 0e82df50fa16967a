package io.freeagentics.quant.internal;

/**
 * Natural logarithm and exponential in float by Cephes' {@code logf} and {@code expf} (range reduction and a
 * polynomial, about one ulp), the same algorithms the float population uses, without the cost of
 * {@link Math#log}/{@link Math#exp} on the engine's hot path (about 150 logarithms per grid agent-step).
 */
final class FastMath {
  private static final float SQRT_HALF = 0.707106781186547524f;
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float LOG2E = 1.44269504088896341f;
  private static final float EXP_LOWEST = -87.0f;
  private static final float EXP_HIGHEST = 88.0f;
  /** Adding then subtracting 1.5 * 2^23 rounds a float of magnitude below 2^22 to the nearest integer. */
  private static final float ROUNDING_MAGIC = 12582912.0f;

  private FastMath() {}

  /** ln(x) for positive finite x (subnormal x falls back to {@link Math#log}). */
  static float log(float x) {
    if (x < Float.MIN_NORMAL) {
      return (float) Math.log(x);
    }
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
    float y = 7.0376836292E-2f;
    y = y * m - 1.1514610310E-1f;
    y = y * m + 1.1676998740E-1f;
    y = y * m - 1.2420140846E-1f;
    y = y * m + 1.4249322787E-1f;
    y = y * m - 1.6668057665E-1f;
    y = y * m + 2.0000714765E-1f;
    y = y * m - 2.4999993993E-1f;
    y = y * m + 3.3333331174E-1f;
    y = y * m * z;
    y = y + LN2_LO * exponent;
    y = y - 0.5f * z;
    return m + y + LN2_HI * exponent;
  }

  /** e^x for x up to 88; 0 below -87. */
  static float exp(float x) {
    if (x < EXP_LOWEST) {
      return 0.0f;
    }
    float clamped = Math.min(x, EXP_HIGHEST);
    float n = (clamped * LOG2E + ROUNDING_MAGIC) - ROUNDING_MAGIC;
    float r = clamped - n * LN2_HI - n * LN2_LO;
    float z = r * r;
    float y = 1.9875691500E-4f;
    y = y * r + 1.3981999507E-3f;
    y = y * r + 8.3334519073E-3f;
    y = y * r + 4.1665795894E-2f;
    y = y * r + 1.6666665459E-1f;
    y = y * r + 5.0000001201E-1f;
    y = y * z + r + 1.0f;
    return y * Float.intBitsToFloat(((int) n + 127) << 23);
  }
}
