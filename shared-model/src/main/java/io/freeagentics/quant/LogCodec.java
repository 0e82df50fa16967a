package io.freeagentics.quant;

/**
 * The 8-bit number format of the int8 engine, a graded logarithmic code. A probability {@code p} relative to a
 * reference {@code r} (1 for parameter columns, the largest entry for a belief or policy distribution) is stored
 * as the unsigned code {@code c} whose distance {@code d(c) = SCALE * (exp(GROWTH * c) - 1)} nats is nearest to
 * {@code ln(r / p)}; {@code c = ZERO_CODE} stands for 0. The first step is {@value #FIRST_STEP_NATS} nats and each
 * further step is a fixed fraction larger, up to {@value #RANGE_NATS} nats at {@link #MAX_CODE}: large entries,
 * which carry the probability mass, keep a relative error of 2-3 %, while tiny ones (down to about 1e-20, the
 * float engine's floor, since pymdp's guard keeps beliefs above about 1e-16 times the smallest likelihood) keep
 * their order of magnitude, which is what decides the near-ties between actions. Bayes' rule is an addition of
 * distances; {@code docs/int8-engine.md} gives the error analysis.
 */
public final class LogCodec {
  /** Width in nats of the first step (between codes 0 and 1). */
  public static final double FIRST_STEP_NATS = 1.0 / 32.0;
  /** Distance in nats of {@link #MAX_CODE}, the smallest non-zero ratio {@code exp(-RANGE_NATS)}. */
  public static final double RANGE_NATS = 46.0;
  /** The largest code of a non-zero value. */
  public static final int MAX_CODE = 254;
  /** The code of zero (and of every ratio too small for {@link #MAX_CODE}). */
  public static final int ZERO_CODE = 255;
  /** pymdp's log guard {@code -ln(1e-16)}: the log-domain distance given to a zero probability. */
  public static final float GUARD_NATS = (float) -Math.log(1e-16);
  /** Growth rate of the step width per code. */
  static final double GROWTH = solveGrowth();
  /** Scale of the distances: {@code FIRST_STEP_NATS ~ SCALE * GROWTH}. */
  static final double SCALE = FIRST_STEP_NATS / GROWTH;

  private static final double[] DISTANCE = new double[MAX_CODE + 1];
  /** Resolution of {@link #GUESS}: entries per nat. */
  private static final int GUESS_PER_NAT = 64;
  /** {@code GUESS[(int) (nats * GUESS_PER_NAT)]}: the largest code whose distance is at most that many nats. */
  private static final short[] GUESS = new short[(int) (RANGE_NATS + 2) * GUESS_PER_NAT];
  private static final float[] VALUES = new float[256];
  private static final float[] NATS = new float[256];

  static {
    for (int c = 0; c <= MAX_CODE; c++) {
      DISTANCE[c] = distanceOf(c);
      VALUES[c] = (float) Math.exp(-DISTANCE[c]);
      NATS[c] = (float) Math.min(DISTANCE[c], GUARD_NATS);
    }
    VALUES[ZERO_CODE] = 0.0f;
    NATS[ZERO_CODE] = GUARD_NATS;
    for (int i = 0, code = 0; i < GUESS.length; i++) {
      double nats = (double) i / GUESS_PER_NAT;
      while (code < MAX_CODE && DISTANCE[code + 1] <= nats) {
        code++;
      }
      GUESS[i] = (short) code;
    }
  }

  private LogCodec() {}

  /** The growth rate with {@code SCALE * (exp(GROWTH * MAX_CODE) - 1) = RANGE_NATS}, by bisection. */
  private static double solveGrowth() {
    double low = 1e-6;
    double high = 1.0;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (low + high);
      if (FIRST_STEP_NATS / mid * Math.expm1(mid * MAX_CODE) > RANGE_NATS) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return 0.5 * (low + high);
  }

  private static double distanceOf(int code) {
    return SCALE * Math.expm1(GROWTH * code);
  }

  /** The distance in nats below the reference that {@code code} stands for (infinite for {@link #ZERO_CODE}). */
  public static double distance(int code) {
    int c = code & 0xFF;
    return c == ZERO_CODE ? Double.POSITIVE_INFINITY : DISTANCE[c];
  }

  /**
   * The largest relative error of a ratio stored at distance {@code nats} (half the local step, as a factor minus
   * one): about 2 % near the reference, 6 % at 8 nats, 25 % at 37 nats.
   */
  public static double relativeErrorBound(double nats) {
    return Math.expm1(0.5 * GROWTH * (Math.max(0.0, nats) + SCALE) * Math.exp(GROWTH));
  }

  /**
   * The code of {@code ratio} (a value divided by its reference), in [0, 1].
   *
   * @throws IllegalArgumentException when the ratio is NaN or outside [0, 1]
   */
  public static int encodeRatio(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be in [0, 1] but was " + ratio);
    }
    return ratio == 0.0 ? ZERO_CODE : encodeDistance(-Math.log(ratio));
  }

  /** The code whose distance is nearest to {@code nats} (not negative), or {@link #ZERO_CODE} beyond the range. */
  static int encodeDistance(double nats) {
    if (nats >= DISTANCE[MAX_CODE] + 0.5 * (DISTANCE[MAX_CODE] - DISTANCE[MAX_CODE - 1])) {
      return ZERO_CODE;
    }
    int below = GUESS[(int) (nats * GUESS_PER_NAT)];
    while (below > 0 && DISTANCE[below] > nats) {
      below--;
    }
    while (below < MAX_CODE && DISTANCE[below + 1] <= nats) {
      below++;
    }
    if (below < MAX_CODE && DISTANCE[below + 1] - nats < nats - DISTANCE[below]) {
      return below + 1;
    }
    return below;
  }

  /** The ratio a code stands for: {@code exp(-distance(code))}, or 0 for {@link #ZERO_CODE}. */
  public static float ratio(int code) {
    return VALUES[code & 0xFF];
  }

  /** The code's distance in nats as the belief update adds it: capped at, and zero mapped to, {@link #GUARD_NATS}. */
  public static float guardedNats(int code) {
    return NATS[code & 0xFF];
  }

  /**
   * Encodes non-negative weights (not necessarily normalised) relative to their largest entry, which gets code 0.
   *
   * @throws IllegalArgumentException when a weight is negative, NaN or infinite, or all are zero
   */
  public static byte[] encodeDistribution(double[] weights) {
    if (weights == null || weights.length == 0) {
      throw new IllegalArgumentException("weights must hold at least one entry");
    }
    double max = 0.0;
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      if (!(w >= 0.0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight " + i + " is " + w + "; weights must be finite and not negative");
      }
      max = Math.max(max, w);
    }
    if (max == 0.0) {
      throw new IllegalArgumentException("weights are all zero; a distribution needs positive mass");
    }
    byte[] codes = new byte[weights.length];
    for (int i = 0; i < weights.length; i++) {
      codes[i] = (byte) (weights[i] == max ? 0 : encodeRatio(Math.min(1.0, weights[i] / max)));
    }
    return codes;
  }

  /**
   * The engine's encoder: {@code weights[offset .. offset + length)} (non-negative, finite, some positive) into
   * {@code codes[codeOffset ..]} relative to their largest entry. No checks: the kernels only pass their own sums.
   */
  public static void encodeDistribution(float[] weights, int offset, int length, byte[] codes, int codeOffset) {
    float max = 0.0f;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, weights[offset + i]);
    }
    double logMax = Math.log(max);
    for (int i = 0; i < length; i++) {
      float w = weights[offset + i];
      codes[codeOffset + i] = (byte) (w <= 0.0f ? ZERO_CODE : encodeDistance(Math.max(0.0, logMax - Math.log(w))));
    }
  }

  /**
   * The engine's encoder from log-domain distances: {@code distances[offset .. offset + length)} in nats, the
   * smallest of which is {@code min}, into codes relative to the smallest.
   */
  public static void encodeDistances(float[] distances, int offset, int length, float min, byte[] codes,
      int codeOffset) {
    for (int i = 0; i < length; i++) {
      codes[codeOffset + i] = (byte) encodeDistance(distances[offset + i] - min);
    }
  }

  /**
   * Decodes codes made by {@link #encodeDistribution} into a normalised distribution.
   *
   * @throws IllegalArgumentException when every code is {@link #ZERO_CODE} (no mass)
   */
  public static double[] decodeDistribution(byte[] codes) {
    float[] out = new float[codes.length];
    decodeDistribution(codes, 0, codes.length, out, 0);
    double[] result = new double[codes.length];
    for (int i = 0; i < codes.length; i++) {
      result[i] = out[i];
    }
    return result;
  }

  /**
   * Decodes {@code codes[codeOffset .. codeOffset + length)} into the distribution they encode, normalised, at
   * {@code out[outOffset ..]}.
   *
   * @throws IllegalArgumentException when every code is {@link #ZERO_CODE} (no mass)
   */
  public static void decodeDistribution(byte[] codes, int codeOffset, int length, float[] out, int outOffset) {
    float sum = 0.0f;
    for (int i = 0; i < length; i++) {
      float value = VALUES[codes[codeOffset + i] & 0xFF];
      out[outOffset + i] = value;
      sum += value;
    }
    if (!(sum > 0.0f)) {
      throw new IllegalArgumentException("codes at " + codeOffset + " (length " + length + ") are all zero");
    }
    float inverse = 1.0f / sum;
    for (int i = 0; i < length; i++) {
      out[outOffset + i] *= inverse;
    }
  }
}
