package io.freeagentics.sim.internal;

import io.freeagentics.model.Tensor;
import java.util.random.RandomGenerator;

/**
 * Draws a row index from one column of a column-stochastic table: {@code A[m]} (rows = outcomes, columns = joint
 * states), {@code B[f]} (rows = next states, columns = previous state x control, {@code previous * U_f + u}) or
 * {@code D[f]} (one column). The first axis is the sampled one; the other axes, flattened row-major as
 * {@link Tensor} lays them out, index the columns, so the entry of (row, column) is at {@code row * columns +
 * column}.
 *
 * <p>Layout: only the entries of non-zero probability are kept. Those of column {@code c} sit at positions
 * {@code [start[c], start[c + 1])} of {@code rowOf} (their row indices, ascending) and {@code cumulative} (the
 * column's sum up to and including that row), so one column's cumulative distribution is contiguous and a draw is
 * a binary search over it. Rows of zero probability are not stored and therefore never drawn. The last stored
 * entry of every column is forced to 1, so rounding never lets a draw fall off the end. A deterministic table
 * such as a grid world's B keeps one entry per column.
 */
public final class ColumnSampler {
  /** How far a column's sum may be from 1: the model validator's tolerance. */
  private static final double SUM_TOLERANCE = 1e-6;

  private final int rows;
  private final int[] start;
  private final int[] rowOf;
  private final double[] cumulative;

  private ColumnSampler(int rows, int[] start, int[] rowOf, double[] cumulative) {
    this.rows = rows;
    this.start = start;
    this.rowOf = rowOf;
    this.cumulative = cumulative;
  }

  /**
   * A sampler over the columns of {@code table}.
   *
   * @param name what the table is, for error messages (e.g. {@code "A[0]"})
   * @throws IllegalArgumentException when an entry is negative or not a number, or a column does not sum to 1
   *     within 1e-6
   */
  public static ColumnSampler of(String name, Tensor table) {
    if (table == null || table.rank() < 1) {
      throw new IllegalArgumentException("table " + name + " must have at least one axis but was " + table);
    }
    int rows = table.dim(0);
    int columns = table.size() / rows;
    int[] start = new int[columns + 1];
    for (int column = 0; column < columns; column++) {
      int kept = 0;
      double sum = 0;
      for (int row = 0; row < rows; row++) {
        double p = table.at(row * columns + column);
        if (!(p >= 0)) {
          throw new IllegalArgumentException(name + ": entry (" + row + ", column " + column
              + ") must be a probability but was " + p);
        }
        sum += p;
        kept += p > 0 ? 1 : 0;
      }
      if (!(Math.abs(sum - 1.0) <= SUM_TOLERANCE)) {
        throw new IllegalArgumentException(name + ": column " + column + " must sum to 1 but sums to " + sum);
      }
      start[column + 1] = start[column] + kept;
    }
    int[] rowOf = new int[start[columns]];
    double[] cumulative = new double[start[columns]];
    for (int column = 0; column < columns; column++) {
      int at = start[column];
      double sum = 0;
      for (int row = 0; row < rows; row++) {
        double p = table.at(row * columns + column);
        if (p > 0) {
          sum += p;
          rowOf[at] = row;
          cumulative[at] = sum;
          at++;
        }
      }
      cumulative[at - 1] = 1.0;
    }
    return new ColumnSampler(rows, start, rowOf, cumulative);
  }

  /** The number of rows (outcomes or next states) a draw ranges over. */
  public int rows() {
    return rows;
  }

  /** The number of columns (conditioning cases). */
  public int columns() {
    return start.length - 1;
  }

  /**
   * A row drawn with the probabilities of {@code column}; consumes one {@code nextDouble()} of {@code random}.
   * The column is not range-checked here (this is the simulators' inner loop); callers pass valid columns.
   */
  public int sample(int column, RandomGenerator random) {
    double u = random.nextDouble();
    int low = start[column];
    int high = start[column + 1] - 1;
    // Smallest position whose cumulative probability exceeds u; the last one is 1 > u.
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > u) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return rowOf[low];
  }
}
