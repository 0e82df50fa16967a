package io.freeagentics.model;

import java.util.Arrays;

/**
 * An immutable dense array of doubles with a shape, stored in row-major (C) order as NumPy does.
 *
 * <p>Generative-model arrays ({@code A[m]}, {@code B[f]}, {@code C[m]}, {@code D[f]}, Dirichlet counts) are
 * tensors so that their shapes travel with their values and can be checked against the model's dimensions.
 * Engines read entries through {@link #at(int)} with flat indices they compute from {@link #stride(int)}.
 */
public final class Tensor {
  private final int[] shape;
  private final int[] strides;
  private final double[] data;

  private Tensor(int[] shape, double[] data) {
    this.shape = shape;
    this.data = data;
    this.strides = new int[shape.length];
    int stride = 1;
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      strides[axis] = stride;
      stride *= shape[axis];
    }
  }

  /**
   * Creates a tensor from a shape and its entries in row-major order; both arrays are copied.
   *
   * @throws IllegalArgumentException when a dimension is not positive or the data length differs from the
   *     product of the shape
   */
  public static Tensor of(int[] shape, double[] data) {
    if (shape == null || data == null) {
      throw new IllegalArgumentException("shape and data must not be null");
    }
    long size = 1;
    for (int axis = 0; axis < shape.length; axis++) {
      if (shape[axis] <= 0) {
        throw new IllegalArgumentException(
            "shape[" + axis + "] must be positive but was " + shape[axis] + " in " + Arrays.toString(shape));
      }
      size *= shape[axis];
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has too many entries");
      }
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + size + " entries but data has " + data.length);
    }
    return new Tensor(shape.clone(), data.clone());
  }

  /** A one-dimensional tensor holding a copy of {@code values}. */
  public static Tensor vector(double... values) {
    return of(new int[] {values.length}, values);
  }

  /** A tensor of the given shape with every entry equal to {@code value}. */
  public static Tensor filled(int[] shape, double value) {
    long size = 1;
    for (int dim : shape) {
      size *= Math.max(dim, 0);
    }
    double[] data = new double[(int) Math.min(size, Integer.MAX_VALUE - 8)];
    Arrays.fill(data, value);
    return of(shape, data);
  }

  /** Number of axes. */
  public int rank() {
    return shape.length;
  }

  /** Length of one axis. */
  public int dim(int axis) {
    return shape[axis];
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** Distance in the flat data between neighbours along {@code axis}. */
  public int stride(int axis) {
    return strides[axis];
  }

  /** Total number of entries. */
  public int size() {
    return data.length;
  }

  /** The entry at a flat row-major index. */
  public double at(int flatIndex) {
    return data[flatIndex];
  }

  /** The entry at a multi-dimensional index (one value per axis). */
  public double get(int... index) {
    return data[flatIndex(index)];
  }

  /** The flat row-major index of a multi-dimensional index, checked against the shape. */
  public int flatIndex(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "index " + Arrays.toString(index) + " has " + index.length + " axes, tensor has " + shape.length);
    }
    int flat = 0;
    for (int axis = 0; axis < index.length; axis++) {
      if (index[axis] < 0 || index[axis] >= shape[axis]) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " is outside shape " + Arrays.toString(shape));
      }
      flat += index[axis] * strides[axis];
    }
    return flat;
  }

  /** A copy of the entries in row-major order. */
  public double[] toArray() {
    return data.clone();
  }

  /** Whether both tensors have the same shape. */
  public boolean sameShape(Tensor other) {
    return Arrays.equals(shape, other.shape);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
