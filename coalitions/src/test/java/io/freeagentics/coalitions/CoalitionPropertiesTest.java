package io.freeagentics.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.coalitions.workload.CityWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The invariants of docs/coalitions.md, on random populations. */
class CoalitionPropertiesTest {
  private static final CityWorkload CITY = CityWorkload.berlin(9);

  private static CoalitionConfig config(double lambda, int k) {
    return CoalitionConfig.defaults().withLambda(lambda).withK(k);
  }

  /** Every agent is in exactly one coalition, and the coalitions hold no one else. */
  @Property(tries = 40)
  void everyAgentIsInExactlyOneCoalition(@ForAll @IntRange(min = 0, max = 600) int n, @ForAll long seed,
      @ForAll @DoubleRange(min = 0.05, max = 1.5) double lambda, @ForAll @IntRange(min = 0, max = 2) int k,
      @ForAll @DoubleRange(min = 0.2, max = 3) double radiusKm) {
    List<Agent> agents = CITY.agents(n, radiusKm, seed);
    CoalitionStructure s = CoalitionFormation.create(config(lambda, k)).form(agents);
    assertPartition(s, agents);
  }

  /** No coalition is worth less than 0; the value of each equals v(C) computed from scratch. */
  @Property(tries = 40)
  void valuesAreNeverNegativeAndMatchAFreshComputation(@ForAll @IntRange(min = 1, max = 400) int n,
      @ForAll long seed, @ForAll @DoubleRange(min = 0.0, max = 1.5) double lambda,
      @ForAll @IntRange(min = 0, max = 2) int k) {
    List<Agent> agents = CITY.agents(n, 0.8, seed);
    CoalitionFormation f = CoalitionFormation.create(config(lambda, k));
    assertValues(f, f.form(agents), agents);
  }

  /**
   * After rounds of moves, changes, joins and leaves, the repaired structure is a partition with correct,
   * non-negative values, and its total value is within 2% of a full rebuild's. (Both are greedy, so on a few hundred
   * agents the luck of the merge order alone moves the total by a couple of percent either way; from a thousand
   * agents on the comparison measures the repair, not that noise.) lambda 0.2-0.5 (the default is 0.25): outside,
   * with coalitions of 20-30 agents (lambda 0.1, k = 2) or pairs only (lambda 0.6-0.8) under heavy churn, a repair
   * was seen to fall up to 2.5% short (docs/coalitions.md, "Known gaps").
   */
  @Property(tries = 15)
  void incrementalIsAsGoodAsARebuildWithinTwoPercent(@ForAll @IntRange(min = 1000, max = 3000) int n,
      @ForAll long seed, @ForAll @DoubleRange(min = 0.2, max = 0.5) double lambda,
      @ForAll @IntRange(min = 1, max = 2) int k, @ForAll @IntRange(min = 5, max = 100) int changePermille) {
    CoalitionFormation f = CoalitionFormation.create(config(lambda, k));
    double radius = CITY.radiusKm(n);
    Map<Long, Agent> current = new HashMap<>();
    for (Agent a : CITY.agents(n, seed)) {
      current.put(a.id(), a);
    }
    f.form(new ArrayList<>(current.values()));
    SplittableRandom rng = new SplittableRandom(seed);
    long nextId = n;
    for (int round = 0; round < 4; round++) {
      int changes = Math.max(1, changePermille * current.size() / 1000);
      for (int c = 0; c < changes; c++) {
        List<Long> ids = new ArrayList<>(current.keySet());
        ids.sort(null);
        long id = ids.get(rng.nextInt(ids.size()));
        int kind = rng.nextInt(10);
        if (kind < 6) {
          Agent moved = CITY.moved(current.get(id), 0.5, rng);
          current.put(id, moved);
          f.put(moved);
        } else if (kind < 8) {
          Agent changed = CITY.changed(current.get(id), rng);
          current.put(id, changed);
          f.put(changed);
        } else if (kind < 9) {
          Agent joined = CITY.newAgent(nextId++, radius, rng);
          current.put(joined.id(), joined);
          f.put(joined);
        } else if (current.size() > 1) {
          current.remove(id);
          f.remove(id);
        }
      }
      CoalitionStructure repaired = f.repair();
      List<Agent> agents = new ArrayList<>(current.values());
      assertPartition(repaired, agents);
      assertValues(f, repaired, agents);
      CoalitionStructure rebuilt = CoalitionFormation.create(config(lambda, k)).form(agents);
      assertThat(repaired.totalValue()).isGreaterThanOrEqualTo(0.98 * rebuilt.totalValue());
    }
  }

  /** The same population and the same changes give the same structure. */
  @Property(tries = 10)
  void incrementalRoundsAreDeterministic(@ForAll long seed) {
    CoalitionStructure[] results = new CoalitionStructure[2];
    for (int run = 0; run < 2; run++) {
      List<Agent> agents = CITY.agents(800, seed);
      CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
      f.form(agents);
      SplittableRandom rng = new SplittableRandom(seed);
      for (int c = 0; c < 40; c++) {
        f.put(CITY.moved(agents.get(rng.nextInt(agents.size())), 0.4, rng));
      }
      results[run] = f.repair();
    }
    assertThat(results[1].allCoalitions()).isEqualTo(results[0].allCoalitions());
  }

  private static void assertPartition(CoalitionStructure s, List<Agent> agents) {
    Set<Long> expected = new HashSet<>();
    agents.forEach(a -> expected.add(a.id()));
    Set<Long> seen = new HashSet<>();
    int multi = 0;
    for (Coalition c : s.allCoalitions()) {
      assertThat(c.size()).isPositive();
      assertThat(c.id()).isEqualTo(c.members()[0]);
      for (long id : c.members()) {
        assertThat(seen.add(id)).as("agent %d in two coalitions", id).isTrue();
        assertThat(s.coalitionOf(id)).contains(c);
      }
      if (c.size() > 1) {
        multi++;
      }
    }
    assertThat(seen).isEqualTo(expected);
    assertThat(s.agentCount()).isEqualTo(agents.size());
    assertThat(s.coalitionCount()).isEqualTo(multi);
  }

  private static void assertValues(CoalitionFormation f, CoalitionStructure s, List<Agent> agents) {
    Map<Long, Agent> byId = new HashMap<>();
    agents.forEach(a -> byId.put(a.id(), a));
    double total = 0;
    for (Coalition c : s.allCoalitions()) {
      List<Agent> members = new ArrayList<>();
      for (long id : c.members()) {
        members.add(byId.get(id));
      }
      double fresh = f.value(members);
      assertThat(c.value()).isGreaterThanOrEqualTo(0.0);
      if (c.size() > 1) {
        assertThat(c.value()).isPositive();
      }
      assertThat(Math.abs(c.value() - fresh)).as("value of %s vs fresh %s", c, fresh)
          .isLessThanOrEqualTo(1e-9 * (1 + Math.abs(fresh)));
      total += c.value();
    }
    assertThat(Math.abs(s.totalValue() - total)).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(total)));
  }
}
