package io.freeagentics.model.internal;

import io.freeagentics.model.ModelProblem;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules a generative model must satisfy. Every check appends to a list so that a caller sees all problems
 * of a model at once; no check stops at the first failure except where later checks would only repeat it
 * (an array of the wrong shape is not also checked column by column).
 */
public final class ModelValidator {
  /** Absolute tolerance on a probability column's sum. */
  public static final double SUM_TOLERANCE = 1e-6;
  /** At most this many column problems are listed per array; the rest are counted. */
  static final int MAX_COLUMN_PROBLEMS = 20;
  /** Most factors, and most modalities, a model may have. */
  public static final int MAX_AXES = 256;
  /** Most states of a factor, outcomes of a modality or controls of a factor. */
  public static final int MAX_DIMENSION = 1 << 16;
  /**
   * Most entries of A and B together (2^27 doubles, 1 GiB): the dense arrays of the largest built-in grid
   * (64 x 64 cells, about 1.0e8 entries) fit, a model that could not be held in memory does not.
   */
  public static final long MAX_MODEL_ENTRIES = 1L << 27;

  private ModelValidator() {}

  /**
   * Checks the dimension arrays; later checks are meaningless when these fail. Besides being positive and
   * consistent, the dimensions must keep the model within memory: at most {@link #MAX_AXES} factors and
   * modalities, at most {@link #MAX_DIMENSION} states, outcomes or controls each, and at most
   * {@link #MAX_MODEL_ENTRIES} entries in all of A and B together.
   */
  public static List<ModelProblem> checkDimensions(int[] numStates, int[] numObs, int[] numControls) {
    List<ModelProblem> problems = new ArrayList<>();
    if (numStates.length == 0) {
      problems.add(new ModelProblem("num_states", "", "must name at least one factor"));
    }
    if (numObs.length == 0) {
      problems.add(new ModelProblem("num_obs", "", "must name at least one modality"));
    }
    axes("num_states", "factors", numStates, problems);
    axes("num_obs", "modalities", numObs, problems);
    positive("num_states", numStates, problems);
    positive("num_obs", numObs, problems);
    positive("num_controls", numControls, problems);
    if (numControls.length != numStates.length) {
      problems.add(new ModelProblem("num_controls", "",
          "has " + numControls.length + " factors but num_states has " + numStates.length));
    }
    if (problems.isEmpty()) {
      long entries = modelEntries(numStates, numObs, numControls);
      if (entries > MAX_MODEL_ENTRIES) {
        problems.add(new ModelProblem("num_states", "", "with num_obs " + Arrays.toString(numObs)
            + " and num_controls " + Arrays.toString(numControls) + " needs "
            + (entries == Long.MAX_VALUE ? "more than 2^62" : String.valueOf(entries))
            + " entries in A and B, more than the limit of " + MAX_MODEL_ENTRIES));
      }
    }
    return problems;
  }

  /** The number of entries of every A[m] and B[f] together, or {@code Long.MAX_VALUE} when that overflows. */
  static long modelEntries(int[] numStates, int[] numObs, int[] numControls) {
    long joint = 1;
    for (int s : numStates) {
      joint = saturatingMultiply(joint, s);
    }
    long total = 0;
    for (int o : numObs) {
      total = saturatingAdd(total, saturatingMultiply(joint, o));
    }
    for (int f = 0; f < numStates.length; f++) {
      long bEntries = saturatingMultiply(saturatingMultiply(numStates[f], numStates[f]), numControls[f]);
      total = saturatingAdd(total, bEntries);
    }
    return total;
  }

  private static long saturatingMultiply(long x, long y) {
    long hi = Math.multiplyHigh(x, y);
    long lo = x * y;
    return hi != 0 || lo < 0 || lo > (1L << 62) ? Long.MAX_VALUE : lo;
  }

  private static long saturatingAdd(long x, long y) {
    long sum = x + y;
    return sum < 0 || sum > (1L << 62) ? Long.MAX_VALUE : sum;
  }

  private static void axes(String array, String what, int[] dims, List<ModelProblem> problems) {
    if (dims.length > MAX_AXES) {
      problems.add(new ModelProblem(array, "",
          "names " + dims.length + " " + what + ", more than the limit of " + MAX_AXES));
    }
  }

  private static void positive(String array, int[] dims, List<ModelProblem> problems) {
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] <= 0) {
        problems.add(new ModelProblem(array + "[" + i + "]", "", "must be positive but is " + dims[i]));
      } else if (dims[i] > MAX_DIMENSION) {
        problems.add(new ModelProblem(array + "[" + i + "]", "",
            "is " + dims[i] + ", more than the limit of " + MAX_DIMENSION));
      }
    }
  }

  /** Checks every array against the dimensions and the probability rules. */
  public static List<ModelProblem> checkArrays(int[] numStates, int[] numObs, int[] numControls,
      List<Tensor> a, List<Tensor> b, List<Tensor> c, List<Tensor> d, Tensor e,
      List<Tensor> pA, List<Tensor> pB, List<Policy> policies) {
    List<ModelProblem> problems = new ArrayList<>();
    int factors = numStates.length;
    int modalities = numObs.length;

    if (count("A", a, modalities, "modalities", problems)) {
      for (int m = 0; m < modalities; m++) {
        String array = "A[" + m + "]";
        if (present(array, a.get(m), problems) && shape(array, a.get(m), concat(numObs[m], numStates), problems)) {
          entries(array, a.get(m), true, problems);
          columnsSumToOne(array, a.get(m), numStates, problems);
        }
      }
    }
    if (count("B", b, factors, "factors", problems)) {
      for (int f = 0; f < factors; f++) {
        String array = "B[" + f + "]";
        int[] expected = {numStates[f], numStates[f], numControls[f]};
        if (present(array, b.get(f), problems) && shape(array, b.get(f), expected, problems)) {
          entries(array, b.get(f), true, problems);
          columnsSumToOne(array, b.get(f), new int[] {numStates[f], numControls[f]}, problems);
        }
      }
    }
    if (count("C", c, modalities, "modalities", problems)) {
      for (int m = 0; m < modalities; m++) {
        String array = "C[" + m + "]";
        if (present(array, c.get(m), problems) && shape(array, c.get(m), new int[] {numObs[m]}, problems)) {
          entries(array, c.get(m), false, problems);
        }
      }
    }
    if (count("D", d, factors, "factors", problems)) {
      for (int f = 0; f < factors; f++) {
        String array = "D[" + f + "]";
        if (present(array, d.get(f), problems) && shape(array, d.get(f), new int[] {numStates[f]}, problems)) {
          entries(array, d.get(f), true, problems);
          columnsSumToOne(array, d.get(f), new int[0], problems);
        }
      }
    }
    if (pA != null && count("pA", pA, modalities, "modalities", problems)) {
      for (int m = 0; m < modalities; m++) {
        String array = "pA[" + m + "]";
        if (present(array, pA.get(m), problems) && shape(array, pA.get(m), concat(numObs[m], numStates), problems)) {
          entries(array, pA.get(m), true, problems);
        }
      }
    }
    if (pB != null && count("pB", pB, factors, "factors", problems)) {
      for (int f = 0; f < factors; f++) {
        String array = "pB[" + f + "]";
        int[] expected = {numStates[f], numStates[f], numControls[f]};
        if (present(array, pB.get(f), problems) && shape(array, pB.get(f), expected, problems)) {
          entries(array, pB.get(f), true, problems);
        }
      }
    }
    checkPolicies(numControls, policies, problems);
    if (e != null && policies != null && !policies.isEmpty()) {
      if (shape("E", e, new int[] {policies.size()}, problems)) {
        entries("E", e, true, problems);
        double sum = 0;
        for (int i = 0; i < e.size(); i++) {
          sum += e.at(i);
        }
        if (!(sum > 0)) {
          problems.add(new ModelProblem("E", "", "must have positive mass but sums to " + sum));
        }
      }
    }
    return problems;
  }

  private static void checkPolicies(int[] numControls, List<Policy> policies, List<ModelProblem> problems) {
    if (policies == null || policies.isEmpty()) {
      problems.add(new ModelProblem("policies", "", "must list at least one policy"));
      return;
    }
    int length = policies.get(0).length();
    int reported = 0;
    int skipped = 0;
    for (int k = 0; k < policies.size(); k++) {
      Policy policy = policies.get(k);
      if (policy.numFactors() != numControls.length) {
        problems.add(new ModelProblem("policies[" + k + "]", "",
            "acts on " + policy.numFactors() + " factors but the model has " + numControls.length));
        continue;
      }
      if (policy.length() != length) {
        problems.add(new ModelProblem("policies[" + k + "]", "",
            "has " + policy.length() + " steps but policy 0 has " + length));
      }
      for (int t = 0; t < policy.length(); t++) {
        for (int f = 0; f < numControls.length; f++) {
          int u = policy.action(t, f);
          if (u < 0 || u >= numControls[f]) {
            if (reported++ < MAX_COLUMN_PROBLEMS) {
              problems.add(new ModelProblem("policies[" + k + "][" + t + "][" + f + "]", "",
                  "action " + u + " is outside the controls [0, " + numControls[f] + ") of factor " + f));
            } else {
              skipped++;
            }
          }
        }
      }
    }
    if (skipped > 0) {
      problems.add(new ModelProblem("policies", "", "and " + skipped + " more actions outside the controls"));
    }
  }

  private static boolean count(String array, List<Tensor> list, int expected, String what,
      List<ModelProblem> problems) {
    if (list == null) {
      problems.add(new ModelProblem(array, "", "is missing"));
      return false;
    }
    if (list.size() != expected) {
      problems.add(new ModelProblem(array, "",
          "has " + list.size() + " arrays but the model has " + expected + " " + what));
      return false;
    }
    return true;
  }

  /** Whether one array of a list is there; a missing one is reported and its siblings are still checked. */
  private static boolean present(String array, Tensor tensor, List<ModelProblem> problems) {
    if (tensor == null) {
      problems.add(new ModelProblem(array, "", "is missing"));
      return false;
    }
    return true;
  }

  private static boolean shape(String array, Tensor tensor, int[] expected, List<ModelProblem> problems) {
    if (!Arrays.equals(tensor.shape(), expected)) {
      problems.add(new ModelProblem(array, "",
          "has shape " + Arrays.toString(tensor.shape()) + " but the model needs " + Arrays.toString(expected)));
      return false;
    }
    return true;
  }

  private static void entries(String array, Tensor tensor, boolean nonNegative, List<ModelProblem> problems) {
    int[] shape = tensor.shape();
    int reported = 0;
    int skipped = 0;
    for (int i = 0; i < tensor.size(); i++) {
      double v = tensor.at(i);
      String problem = null;
      if (Double.isNaN(v)) {
        problem = "is NaN";
      } else if (Double.isInfinite(v)) {
        problem = "is infinite";
      } else if (nonNegative && v < 0) {
        problem = "is negative (" + v + ")";
      }
      if (problem != null) {
        if (reported++ < MAX_COLUMN_PROBLEMS) {
          problems.add(new ModelProblem(array, "entry " + Arrays.toString(unflatten(i, shape)), problem));
        } else {
          skipped++;
        }
      }
    }
    if (skipped > 0) {
      problems.add(new ModelProblem(array, "", "and " + skipped + " more bad entries"));
    }
  }

  /**
   * Checks that summing over axis 0 gives 1 for every combination of the remaining axes, whose lengths are
   * {@code columnShape}.
   */
  private static void columnsSumToOne(String array, Tensor tensor, int[] columnShape, List<ModelProblem> problems) {
    int rows = tensor.dim(0);
    int columns = tensor.size() / rows;
    int reported = 0;
    int skipped = 0;
    for (int col = 0; col < columns; col++) {
      double sum = 0;
      for (int row = 0; row < rows; row++) {
        sum += tensor.at(row * columns + col);
      }
      if (Double.isFinite(sum) && Math.abs(sum - 1.0) > SUM_TOLERANCE) {
        if (reported++ < MAX_COLUMN_PROBLEMS) {
          String location = columnShape.length == 0 ? "" : "column " + Arrays.toString(unflatten(col, columnShape));
          problems.add(new ModelProblem(array, location, "sums to " + sum + " instead of 1"));
        } else {
          skipped++;
        }
      }
    }
    if (skipped > 0) {
      problems.add(new ModelProblem(array, "", "and " + skipped + " more columns that do not sum to 1"));
    }
  }

  private static int[] concat(int first, int[] rest) {
    int[] out = new int[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  /** The multi-index of a flat row-major index. */
  public static int[] unflatten(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
    return index;
  }
}
