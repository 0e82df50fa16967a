package io.freeagentics.engine.internal;

/**
 * Arithmetic on the joint hidden state {@code s = (s_0, ..., s_{F-1})}, numbered in row-major (C) order with the
 * last factor varying fastest — the order of A's state axes.
 */
public final class JointStates {
  private final int[] numStates;
  private final int[] strides;
  private final int size;

  public JointStates(int[] numStates) {
    this.numStates = numStates.clone();
    this.strides = new int[numStates.length];
    int stride = 1;
    for (int f = numStates.length - 1; f >= 0; f--) {
      strides[f] = stride;
      stride *= numStates[f];
    }
    this.size = stride;
  }

  /** Number of joint states. */
  public int size() {
    return size;
  }

  public int factors() {
    return numStates.length;
  }

  /** The state of factor {@code f} within joint state {@code joint}. */
  public int stateOf(int joint, int f) {
    return (joint / strides[f]) % numStates[f];
  }

  /** The joint distribution of independent factor marginals, {@code q(s) = Π_f q_f(s_f)}. */
  public double[] product(double[][] marginals) {
    double[] joint = new double[size];
    for (int s = 0; s < size; s++) {
      double p = 1.0;
      for (int f = 0; f < numStates.length; f++) {
        p *= marginals[f][stateOf(s, f)];
      }
      joint[s] = p;
    }
    return joint;
  }
}
