package io.freeagentics.population.internal;

/**
 * A fixed {@code rows x cols} matrix that the kernels multiply with a block of agents' vectors
 * ({@code out[row][lane] = sum_col M[row][col] * x[col][lane]}), in the form that needs the least work for its
 * structure, chosen once:
 * <ul>
 *   <li>{@link Form#SPARSE}: compressed rows ({@link #rowStart}, {@link #columns}, {@link #values}), only the
 *       non-zero entries (transitions of grid worlds: one or two per column);</li>
 *   <li>{@link Form#BACKGROUND}: every entry is at least a positive floor {@code c} and most equal it (a noise
 *       floor, as in {@code A = (1 - e) I + e / n}): {@code out = c * sum(x) + R x} with the sparse, non-negative
 *       residual {@code R = M - c} ({@link #residualRowStart}, {@link #residualColumns},
 *       {@link #residualValues});</li>
 *   <li>{@link Form#DENSE}: {@link #panels}, the rows in groups of {@link #PANEL_ROWS} interleaved column by
 *       column ({@code panels[(p * cols + c) * PANEL_ROWS + r]} is row {@code p * PANEL_ROWS + r}), zero-padded to
 *       whole panels, so a kernel keeps one panel's accumulators in registers and loads each {@code x[col]} once
 *       per panel.</li>
 * </ul>
 * The exact compressed rows (also in double, {@link #valuesDouble}) are kept in every form: the plain-Java kernels
 * and the double-precision single-agent code use them. Immutable after construction.
 */
final class LaneMatrix {
  /** Rows per register panel of the dense form. */
  static final int PANEL_ROWS = 4;

  /** How the vector kernels multiply with this matrix. */
  enum Form { DENSE, SPARSE, BACKGROUND }

  final int rows;
  final int cols;
  final Form form;
  final int[] rowStart;
  final int[] columns;
  final float[] values;
  final double[] valuesDouble;
  /** The dense panel form, or {@code null} unless {@link Form#DENSE}. */
  final float[] panels;
  /** The floor of {@link Form#BACKGROUND} (0 otherwise). */
  final float background;
  final int[] residualRowStart;
  final int[] residualColumns;
  final float[] residualValues;

  private LaneMatrix(int rows, int cols, double[] entries) {
    this.rows = rows;
    this.cols = cols;
    Compressed exact = Compressed.of(rows, cols, entries, 0.0);
    rowStart = exact.rowStart;
    columns = exact.columns;
    valuesDouble = exact.values;
    values = toFloat(exact.values);
    double floor = positiveMinimum(entries);
    Compressed residual = floor == 0.0 ? null : Compressed.of(rows, cols, entries, floor);
    // Estimated vector instructions per multiplication: a dense entry costs a broadcast and a multiply-add shared
    // with the panel's other rows; a sparse entry also an index load and an input load.
    double denseCost = (double) LaneMatrix.panelCount(rows) * PANEL_ROWS * cols * 1.25;
    double sparseCost = 2.0 * columns.length + rows;
    double backgroundCost = residual == null ? Double.MAX_VALUE : cols + 2.0 * residual.columns.length + rows;
    if (denseCost <= sparseCost && denseCost <= backgroundCost) {
      form = Form.DENSE;
    } else if (sparseCost <= backgroundCost) {
      form = Form.SPARSE;
    } else {
      form = Form.BACKGROUND;
    }
    panels = form == Form.DENSE ? toPanels(rows, cols, entries) : null;
    background = form == Form.BACKGROUND ? (float) floor : 0.0f;
    residualRowStart = form == Form.BACKGROUND ? residual.rowStart : null;
    residualColumns = form == Form.BACKGROUND ? residual.columns : null;
    residualValues = form == Form.BACKGROUND ? toFloat(residual.values) : null;
  }

  /** The matrix whose entry {@code (r, c)} is {@code entries[r * cols + c]}. */
  static LaneMatrix of(int rows, int cols, double[] entries) {
    if (entries.length != (long) rows * cols) {
      throw new IllegalArgumentException(rows + "x" + cols + " matrix needs " + (long) rows * cols
          + " entries but got " + entries.length);
    }
    return new LaneMatrix(rows, cols, entries);
  }

  /** Panels needed for {@code rows} rows. */
  static int panelCount(int rows) {
    return (rows + PANEL_ROWS - 1) / PANEL_ROWS;
  }

  /** Whether the dense panel form is used. */
  boolean isDense() {
    return form == Form.DENSE;
  }

  int nonZeros() {
    return columns.length;
  }

  /** {@code out[row] = sum_col M[row][col] * x[col]} in double, for one vector. */
  void multiply(double[] x, double[] out) {
    for (int r = 0; r < rows; r++) {
      double sum = 0.0;
      for (int i = rowStart[r]; i < rowStart[r + 1]; i++) {
        sum += valuesDouble[i] * x[columns[i]];
      }
      out[r] = sum;
    }
  }

  /**
   * The smallest entry, rounded to float, when every entry is positive; otherwise 0 (no background). Taking the
   * minimum keeps every residual non-negative, so the background form adds only non-negative terms and loses no
   * accuracy to cancellation (a background above some entries would subtract nearly equal numbers).
   */
  private static double positiveMinimum(double[] entries) {
    double min = Double.POSITIVE_INFINITY;
    for (double value : entries) {
      min = Math.min(min, value);
    }
    return min > 0.0 && min < Double.POSITIVE_INFINITY ? (float) min : 0.0;
  }

  private static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }

  private static float[] toPanels(int rows, int cols, double[] entries) {
    int panelCount = panelCount(rows);
    float[] panels = new float[panelCount * cols * PANEL_ROWS];
    for (int r = 0; r < rows; r++) {
      int panel = r / PANEL_ROWS;
      int offset = r % PANEL_ROWS;
      for (int c = 0; c < cols; c++) {
        panels[(panel * cols + c) * PANEL_ROWS + offset] = (float) entries[r * cols + c];
      }
    }
    return panels;
  }

  /**
   * Compressed rows of {@code entries - base}, keeping entries whose float value differs from base's ({@code base}
   * is 0 or the positive minimum, so every kept value is non-negative).
   */
  private record Compressed(int[] rowStart, int[] columns, double[] values) {
    static Compressed of(int rows, int cols, double[] entries, double base) {
      float baseFloat = (float) base;
      int count = 0;
      for (double value : entries) {
        if (base == 0.0 ? value != 0.0 : (float) value != baseFloat) {
          count++;
        }
      }
      int[] rowStart = new int[rows + 1];
      int[] columns = new int[count];
      double[] values = new double[count];
      int next = 0;
      for (int r = 0; r < rows; r++) {
        rowStart[r] = next;
        for (int c = 0; c < cols; c++) {
          double value = entries[r * cols + c];
          if (base == 0.0 ? value != 0.0 : (float) value != baseFloat) {
            columns[next] = c;
            values[next] = value - base;
            next++;
          }
        }
      }
      rowStart[rows] = next;
      return new Compressed(rowStart, columns, values);
    }
  }
}
