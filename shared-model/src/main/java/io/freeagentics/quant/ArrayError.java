package io.freeagentics.quant;

/**
 * The quantization error of one array of a model ({@code "A[0]"}, {@code "B[1]"}, {@code "C[0]"}, {@code "D[0]"},
 * {@code "E"}): the largest and the mean absolute difference between the de-quantized and the original entries.
 */
public record ArrayError(String array, int entries, double maxAbsError, double meanAbsError) {

  public ArrayError {
    if (array == null || array.isBlank()) {
      throw new IllegalArgumentException("array must name an array but was '" + array + "'");
    }
    if (entries < 1) {
      throw new IllegalArgumentException("entries must be at least 1 but was " + entries);
    }
    if (!(maxAbsError >= 0) || !(meanAbsError >= 0) || meanAbsError > maxAbsError) {
      throw new IllegalArgumentException("errors must satisfy 0 <= mean <= max but were mean " + meanAbsError
          + ", max " + maxAbsError);
    }
  }

  /** The error of {@code quantized} against {@code original} (same length). */
  static ArrayError between(String array, double[] original, double[] quantized) {
    if (original.length != quantized.length) {
      throw new IllegalArgumentException(array + ": original has " + original.length + " entries but quantized "
          + quantized.length);
    }
    double max = 0.0;
    double sum = 0.0;
    for (int i = 0; i < original.length; i++) {
      double error = Math.abs(quantized[i] - original[i]);
      max = Math.max(max, error);
      sum += error;
    }
    return new ArrayError(array, original.length, max, Math.min(max, sum / original.length));
  }
}
