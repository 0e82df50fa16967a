package io.freeagentics.quant.internal;

import java.util.Arrays;

/**
 * A matrix stored as one background value per row plus sparse residuals: {@code M[r, c] = background[r] +
 * residual[r, c]}, the residual nonzero only where the entry differs from its row's most frequent value. A noisy
 * likelihood such as the grid's ({@code (1 - noise) I + noise / S}) has one residual per row, so a product costs
 * O(rows + cols) instead of O(rows * cols). Built only when residuals fill at most half the matrix.
 */
final class BackgroundMatrix {
  final int rows;
  final int cols;
  final float[] background;
  final int[] rowStart;
  final int[] columns;
  final float[] residuals;

  private BackgroundMatrix(int rows, int cols, float[] background, int[] rowStart, int[] columns, float[] residuals) {
    this.rows = rows;
    this.cols = cols;
    this.background = background;
    this.rowStart = rowStart;
    this.columns = columns;
    this.residuals = residuals;
  }

  /** The background form of the row-major {@code dense} matrix, or null when it would not save work. */
  static BackgroundMatrix of(float[] dense, int rows, int cols) {
    float[] background = new float[rows];
    int[] rowStart = new int[rows + 1];
    int residualCount = 0;
    float[] row = new float[cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(dense, r * cols, row, 0, cols);
      background[r] = mostFrequent(row);
      for (int c = 0; c < cols; c++) {
        if (dense[r * cols + c] != background[r]) {
          residualCount++;
        }
      }
      rowStart[r + 1] = residualCount;
    }
    if ((long) residualCount * 2 > (long) rows * cols) {
      return null;
    }
    int[] columns = new int[residualCount];
    float[] residuals = new float[residualCount];
    for (int r = 0, i = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float value = dense[r * cols + c];
        if (value != background[r]) {
          columns[i] = c;
          residuals[i] = value - background[r];
          i++;
        }
      }
    }
    return new BackgroundMatrix(rows, cols, background, rowStart, columns, residuals);
  }

  private static float mostFrequent(float[] values) {
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    float best = sorted[0];
    int bestCount = 0;
    for (int i = 0; i < sorted.length;) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestCount) {
        bestCount = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  /** {@code out[r] = sum_c M[r, c] x[xOffset + c]}. */
  void multiply(float[] x, int xOffset, float[] out) {
    float total = 0.0f;
    for (int c = 0; c < cols; c++) {
      total += x[xOffset + c];
    }
    for (int r = 0; r < rows; r++) {
      float sum = background[r] * total;
      for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
        sum += residuals[i] * x[xOffset + columns[i]];
      }
      out[r] = sum;
    }
  }
}
