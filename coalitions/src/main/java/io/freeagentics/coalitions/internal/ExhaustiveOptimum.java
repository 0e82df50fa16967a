package io.freeagentics.coalitions.internal;

import java.util.function.IntToDoubleFunction;

/**
 * The best coalition structure of a small population, by dynamic programming over subsets: v(S) for all 2^n
 * subsets from the pair weights, then best(S) = max over T subset of S holding S's lowest agent of
 * v(T) + best(S \ T), which visits every (T, S) pair once: O(3^n) (3^12 = 531,441). Equivalent to searching all
 * Bell(n) partitions (Bell(12) = 4,213,597) without enumerating them. Used to measure the greedy's quality.
 */
public final class ExhaustiveOptimum {
  /** Largest population accepted (3^16 = 43M steps, 2^16 subsets). */
  public static final int MAX_AGENTS = 16;

  private ExhaustiveOptimum() {}

  /** The optimum: its value and, per agent, the index of its coalition (the coalition's lowest agent). */
  public record Result(double value, int[] coalitionOf) {}

  /**
   * @param weights symmetric pair weights, {@code weights[i][j]} for i != j
   * @param sizePenalty penalty of a coalition of a given size (0 for 1)
   */
  public static Result solve(double[][] weights, IntToDoubleFunction sizePenalty) {
    int n = weights.length;
    if (n > MAX_AGENTS) {
      throw new IllegalArgumentException("exhaustive optimum needs at most " + MAX_AGENTS + " agents, got " + n);
    }
    int full = (1 << n) - 1;
    double[] pairSum = new double[full + 1];
    double[] value = new double[full + 1];
    double[] penalty = new double[n + 1];
    for (int s = 1; s <= n; s++) {
      penalty[s] = sizePenalty.applyAsDouble(s);
    }
    for (int s = 1; s <= full; s++) {
      int low = Integer.numberOfTrailingZeros(s);
      int rest = s & (s - 1);
      double sum = pairSum[rest];
      for (int r = rest; r != 0; r &= r - 1) {
        sum += weights[low][Integer.numberOfTrailingZeros(r)];
      }
      pairSum[s] = sum;
      value[s] = sum - penalty[Integer.bitCount(s)];
    }
    double[] best = new double[full + 1];
    int[] choice = new int[full + 1];
    for (int s = 1; s <= full; s++) {
      int lowBit = s & -s;
      int others = s ^ lowBit;
      double bestValue = Double.NEGATIVE_INFINITY;
      int bestT = lowBit;
      // Every subset of the others, joined with the lowest agent, is a candidate coalition T.
      int sub = others;
      while (true) {
        int t = sub | lowBit;
        double v = value[t] + best[s ^ t];
        if (v > bestValue) {
          bestValue = v;
          bestT = t;
        }
        if (sub == 0) {
          break;
        }
        sub = (sub - 1) & others;
      }
      best[s] = bestValue;
      choice[s] = bestT;
    }
    int[] coalitionOf = new int[n];
    for (int s = full; s != 0; ) {
      int t = choice[s];
      int id = Integer.numberOfTrailingZeros(t);
      for (int r = t; r != 0; r &= r - 1) {
        coalitionOf[Integer.numberOfTrailingZeros(r)] = id;
      }
      s ^= t;
    }
    return new Result(n == 0 ? 0 : best[full], coalitionOf);
  }
}
