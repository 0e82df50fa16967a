package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AgentGraphTest {
  @Test
  void sizeClassesAreIncreasingAndRoundUpAndDown() {
    for (int c = 0; c < 60; c++) {
      assertThat(AgentGraph.classSize(c + 1)).isGreaterThan(AgentGraph.classSize(c));
    }
    for (int n = 1; n < 5000; n++) {
      int up = AgentGraph.classUp(n);
      assertThat(AgentGraph.classSize(up)).isGreaterThanOrEqualTo(n);
      if (up > 0) {
        assertThat(AgentGraph.classSize(up - 1)).isLessThan(n);
      }
      if (n >= 4) {
        int down = AgentGraph.classDown(n);
        assertThat(AgentGraph.classSize(down)).isLessThanOrEqualTo(n);
        assertThat(AgentGraph.classSize(down + 1)).isGreaterThan(n);
      }
    }
  }

  /** Lists that grow past their room move, keep their edges, and reuse the blocks others left behind. */
  @Test
  void listsThatMoveKeepTheirEdgesAndTheArenaStopsGrowing() {
    int slots = 200;
    AgentGraph g = new AgentGraph(slots);
    int[] capacities = new int[slots];
    java.util.Arrays.fill(capacities, 8);
    g.layout(capacities, slots);
    SplittableRandom rng = new SplittableRandom(7);
    Map<Integer, Map<Integer, Double>> expected = new HashMap<>();
    for (int round = 0; round < 2000; round++) {
      // Like an incremental round: a few agents lose all their edges and get a new neighbourhood of random size.
      for (int m = 0; m < 5; m++) {
        int s = rng.nextInt(slots);
        for (int j : expected.getOrDefault(s, Map.of()).keySet()) {
          expected.get(j).remove(s);
        }
        expected.remove(s);
        g.isolate(s);
        int degree = rng.nextInt(40);
        g.fit(s, degree);
        for (int d = 0; d < degree; d++) {
          int j = rng.nextInt(slots);
          if (j == s || expected.getOrDefault(s, Map.of()).containsKey(j)) {
            continue;
          }
          double w = rng.nextDouble();
          g.add(s, j, w);
          g.add(j, s, w);
          expected.computeIfAbsent(s, x -> new HashMap<>()).put(j, w);
          expected.computeIfAbsent(j, x -> new HashMap<>()).put(s, w);
        }
      }
      if (round == 500) {
        g.takeCounters();
      }
    }
    long[] counters = g.takeCounters();
    // After the first 500 rounds the blocks left behind served every list that moved: the arena was never copied
    // larger again.
    assertThat(counters[0]).isGreaterThan(1000);
    assertThat(counters[1]).isZero();
    for (int s = 0; s < slots; s++) {
      Map<Integer, Double> actual = new HashMap<>();
      for (int e = g.sd[2 * s], end = e + g.sd[2 * s + 1]; e < end; e++) {
        assertThat(actual.put(g.nbr[e], g.w[e])).as("duplicate edge %d-%d", s, g.nbr[e]).isNull();
      }
      assertThat(actual).isEqualTo(expected.getOrDefault(s, Map.of()));
      assertThat(g.sd[2 * s + 1]).isLessThanOrEqualTo(g.cap[s]);
    }
    // No two lists share arena room.
    boolean[] used = new boolean[g.nbr.length];
    for (int s = 0; s < slots; s++) {
      for (int e = g.sd[2 * s], end = e + g.cap[s]; e < end; e++) {
        assertThat(used[e]).as("arena cell %d used twice", e).isFalse();
        used[e] = true;
      }
    }
  }
}
