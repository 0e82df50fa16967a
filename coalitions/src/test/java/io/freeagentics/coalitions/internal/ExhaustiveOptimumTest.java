package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExhaustiveOptimumTest {
  private static final IntToDoubleFunction PENALTY = s -> 0.4 * (s - 1) * (s - 1);

  /** Compares the O(3^n) dynamic programme with enumerating every partition (restricted growth strings). */
  @Property(tries = 60)
  void matchesEnumerationOfAllPartitions(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
    double[][] w = randomWeights(n, seed);
    ExhaustiveOptimum.Result dp = ExhaustiveOptimum.solve(w, PENALTY);
    double best = enumerate(w, new int[n], 0, 0);
    assertThat(dp.value()).isCloseTo(best, within(1e-9));
    assertThat(valueOf(w, dp.coalitionOf())).isCloseTo(dp.value(), within(1e-9));
  }

  @Test
  void twelveEquallyGoodAgentsFormSixPairs() {
    double[][] w = new double[12][12];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 1.0);
    }
    ExhaustiveOptimum.Result r = ExhaustiveOptimum.solve(w, s -> 0.7 * (s - 1) * (s - 1));
    assertThat(r.value()).isCloseTo(1.8, within(1e-9));
    assertThat(java.util.Arrays.stream(r.coalitionOf()).distinct().count()).isEqualTo(6);
  }

  @Test
  void emptyPopulationIsWorthZero() {
    assertThat(ExhaustiveOptimum.solve(new double[0][0], PENALTY).value()).isZero();
  }

  private static double[][] randomWeights(int n, long seed) {
    Random rng = new Random(seed);
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        w[i][j] = w[j][i] = rng.nextDouble() < 0.3 ? 0 : rng.nextDouble();
      }
    }
    return w;
  }

  private static double enumerate(double[][] w, int[] block, int i, int blocks) {
    if (i == w.length) {
      return valueOf(w, block);
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int b = 0; b <= blocks; b++) {
      block[i] = b;
      best = Math.max(best, enumerate(w, block, i + 1, Math.max(blocks, b + 1)));
    }
    return best;
  }

  private static double valueOf(double[][] w, int[] block) {
    List<List<Integer>> groups = new ArrayList<>();
    java.util.Map<Integer, List<Integer>> byBlock = new java.util.TreeMap<>();
    for (int i = 0; i < block.length; i++) {
      byBlock.computeIfAbsent(block[i], k -> new ArrayList<>()).add(i);
    }
    groups.addAll(byBlock.values());
    double total = 0;
    for (List<Integer> g : groups) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          total += w[g.get(x)][g.get(y)];
        }
      }
      total -= PENALTY.applyAsDouble(g.size());
    }
    return total;
  }
}
