package io.freeagentics.wire;

import io.freeagentics.quant.LogCodec;
import java.util.Arrays;

/**
 * One belief distribution (over the states of one factor) as it travels: one {@link LogCodec} code per state,
 * relative to the largest entry, which has code 0. The int8 engine holds beliefs in the same code, so its beliefs
 * can be sent without re-quantising. Immutable; equal when the codes are equal.
 */
public final class BeliefCodes {
  /** The largest number of states of one factor. */
  public static final int MAX_STATES = 65_536;

  private final byte[] codes;

  private BeliefCodes(byte[] codes) {
    this.codes = codes;
  }

  /**
   * The codes of a probability vector (or any non-negative weights, normalised here).
   *
   * @throws IllegalArgumentException when an entry is negative, NaN or infinite, all are zero, or there are more
   *     than {@link #MAX_STATES}
   */
  public static BeliefCodes quantize(double[] probabilities) {
    checkLength(probabilities == null ? -1 : probabilities.length);
    return new BeliefCodes(LogCodec.encodeDistribution(probabilities));
  }

  /** The codes of a single-precision probability vector, as {@link #quantize(double[])}. */
  public static BeliefCodes quantize(float[] probabilities) {
    checkLength(probabilities == null ? -1 : probabilities.length);
    double[] wide = new double[probabilities.length];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = probabilities[i];
    }
    return quantize(wide);
  }

  /**
   * Codes as they are (copied).
   *
   * @throws IllegalArgumentException when there are none, more than {@link #MAX_STATES}, or none is 0 (the code of
   *     the largest entry, without which the codes do not describe a distribution)
   */
  public static BeliefCodes ofCodes(byte[] codes) {
    checkLength(codes == null ? -1 : codes.length);
    String problem = problemOf(codes, codes.length);
    if (problem != null) {
      throw new IllegalArgumentException("codes " + problem);
    }
    return new BeliefCodes(codes.clone());
  }

  /** Why {@code codes[0 .. length)} are not a distribution's codes, or null when they are. */
  static String problemOf(byte[] codes, int length) {
    for (int i = 0; i < length; i++) {
      if (codes[i] == 0) {
        return null;
      }
    }
    return "hold no code 0 (the largest entry), so they do not describe a distribution summing to 1";
  }

  private static void checkLength(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("probabilities/codes must not be null");
    }
    if (length < 1 || length > MAX_STATES) {
      throw new IllegalArgumentException(
          "a distribution must have 1 to " + MAX_STATES + " entries but has " + length);
    }
  }

  /** The number of states. */
  public int size() {
    return codes.length;
  }

  /** The code of state {@code index}, 0 to 255. */
  public int code(int index) {
    return codes[index] & 0xFF;
  }

  /** A copy of the codes. */
  public byte[] codes() {
    return codes.clone();
  }

  /** The distribution the codes stand for, normalised to sum to 1. */
  public double[] probabilities() {
    return LogCodec.decodeDistribution(codes);
  }

  /**
   * A bound on the L1 distance between {@link #probabilities()} and any distribution these codes are the
   * quantisation of: {@code 2 * sum_i e_i * r_i / sum_i r_i}, where {@code r_i} is the ratio of code {@code i}
   * and {@code e_i} its relative rounding error ({@link LogCodec#relativeErrorBound}), plus the mass a zero code
   * may hide: about twice the relative error of the entries that carry the mass, so 0.03 when they lie within a
   * nat of the largest, 0.01 or less for a peaked belief (docs/wire-format.md).
   */
  public double l1ErrorBound() {
    double sum = 0.0;
    double error = 0.0;
    double zeroRatio = Math.exp(-LogCodec.distance(LogCodec.MAX_CODE));
    for (byte b : codes) {
      int code = b & 0xFF;
      if (code == LogCodec.ZERO_CODE) {
        error += zeroRatio;
        continue;
      }
      double ratio = LogCodec.ratio(code);
      double e = LogCodec.relativeErrorBound(LogCodec.distance(code));
      sum += ratio;
      error += ratio * e / (1.0 - e);
    }
    return 2.0 * error / sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BeliefCodes that && Arrays.equals(codes, that.codes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(codes);
  }

  @Override
  public String toString() {
    return "BeliefCodes" + Arrays.toString(codes);
  }
}
