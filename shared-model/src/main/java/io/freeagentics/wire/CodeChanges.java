package io.freeagentics.wire;

import java.util.Arrays;

/**
 * The entries of one factor's distribution that a delta replaces: strictly increasing state indices and their new
 * codes. Empty when the factor did not change beyond the delta's threshold. Immutable; equal by content.
 */
public final class CodeChanges {
  private static final CodeChanges NONE = new CodeChanges(new int[0], new byte[0]);

  private final int[] indices;
  private final byte[] codes;

  private CodeChanges(int[] indices, byte[] codes) {
    this.indices = indices;
    this.codes = codes;
  }

  /** No change. */
  public static CodeChanges none() {
    return NONE;
  }

  /**
   * The changes at {@code indices} (strictly increasing, not negative) to {@code codes} (copied).
   *
   * @throws IllegalArgumentException when the arrays differ in length or the indices are not strictly increasing
   *     non-negative numbers below {@link BeliefCodes#MAX_STATES}
   */
  public static CodeChanges of(int[] indices, byte[] codes) {
    if (indices == null || codes == null || indices.length != codes.length) {
      throw new IllegalArgumentException("indices and codes must be non-null arrays of one length");
    }
    int previous = -1;
    for (int index : indices) {
      if (index <= previous || index >= BeliefCodes.MAX_STATES) {
        throw new IllegalArgumentException("indices must increase strictly from 0 and stay below "
            + BeliefCodes.MAX_STATES + " but were " + Arrays.toString(indices));
      }
      previous = index;
    }
    return new CodeChanges(indices.clone(), codes.clone());
  }

  /** The number of changed entries. */
  public int count() {
    return indices.length;
  }

  /** The state index of change {@code i}. */
  public int index(int i) {
    return indices[i];
  }

  /** The new code (0 to 255) of change {@code i}. */
  public int code(int i) {
    return codes[i] & 0xFF;
  }

  /** The largest changed index plus one (0 when there is no change): the least factor size the changes fit. */
  public int extent() {
    return indices.length == 0 ? 0 : indices[indices.length - 1] + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodeChanges that && Arrays.equals(indices, that.indices)
        && Arrays.equals(codes, that.codes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(codes);
  }

  @Override
  public String toString() {
    return "CodeChanges" + Arrays.toString(indices) + "->" + Arrays.toString(codes);
  }
}
