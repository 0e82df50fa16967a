package io.freeagentics.engine.internal;

/** Elementary operations on probability vectors, written the way pymdp's NumPy code computes them. */
public final class Distributions {
  /** pymdp's epsilon inside logarithms: {@code ln~(x) = ln(x + 1e-16)}. */
  public static final double LOG_EPSILON = 1e-16;

  private Distributions() {}

  /** {@code ln(x + 1e-16)}. */
  public static double lnTilde(double x) {
    return Math.log(x + LOG_EPSILON);
  }

  /** {@code ln~} of every entry, as a new array. */
  public static double[] lnTilde(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = lnTilde(x[i]);
    }
    return out;
  }

  /** Softmax with the maximum subtracted first, as pymdp's {@code softmax}. */
  public static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double[] out = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      out[i] = Math.exp(logits[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** {@code Σ x_i y_i}. */
  public static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }

  /** Divides a row-major array with {@code rows} rows by its column sums (NumPy's {@code p / p.sum(0)}). */
  public static double[] normaliseColumns(double[] values, int rows) {
    int columns = values.length / rows;
    double[] sums = new double[columns];
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < columns; col++) {
        sums[col] += values[row * columns + col];
      }
    }
    double[] out = new double[values.length];
    for (int row = 0; row < rows; row++) {
      for (int col = 0; col < columns; col++) {
        out[row * columns + col] = values[row * columns + col] / sums[col];
      }
    }
    return out;
  }

  /**
   * Index of the first entry within {@code tolerance} of the largest: the largest entry, with near-ties going to
   * the lowest index.
   */
  public static int firstNearMax(double[] values, double tolerance) {
    double max = values[0];
    for (int i = 1; i < values.length; i++) {
      max = Math.max(max, values[i]);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] >= max - tolerance) {
        return i;
      }
    }
    return 0;
  }

  /**
   * {@code B[:, :, u] @ q} for a row-major transition array of shape (n, n, controls), {@code B[next][prev][u]}.
   */
  public static double[] transition(double[] matrix, int n, int controls, int u, double[] q) {
    double[] out = new double[n];
    for (int next = 0; next < n; next++) {
      double sum = 0;
      for (int prev = 0; prev < n; prev++) {
        sum += matrix[(next * n + prev) * controls + u] * q[prev];
      }
      out[next] = sum;
    }
    return out;
  }
}
