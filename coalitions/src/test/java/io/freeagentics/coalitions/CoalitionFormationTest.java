package io.freeagentics.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.coalitions.internal.H3Cells;
import io.freeagentics.coalitions.workload.CityWorkload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoalitionFormationTest {
  private static final long CENTRE = H3Cells.h3().latLngToCell(52.52, 13.405, 9);
  private static final long FAR = H3Cells.h3().latLngToCell(52.60, 13.20, 9);
  private static final double[] WANTS_A = {0.9, 0.1};
  private static final double[] WANTS_B = {0.1, 0.9};

  private static Agent agent(long id, long cell, long caps, double[] p) {
    return new Agent(id, cell, caps, p);
  }

  @Test
  void compatibleComplementaryNeighboursJoinAndFarAgentsStayAlone() {
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
    CoalitionStructure s = f.form(List.of(
        agent(1, CENTRE, 0b01, WANTS_A),
        agent(2, CENTRE, 0b10, WANTS_A),
        agent(3, FAR, 0b10, WANTS_A)));
    assertThat(s.agentCount()).isEqualTo(3);
    assertThat(s.coalitionCount()).isEqualTo(1);
    Coalition c = s.coalitions().get(0);
    assertThat(c.id()).isEqualTo(1);
    assertThat(c.members()).containsExactly(1, 2);
    assertThat(c.cells()).containsExactly(CENTRE);
    // w = g(0) * (0.5 * 1 + 0.5 * 1) = 1; v = 1 - 0.25.
    assertThat(c.value()).isCloseTo(0.75, within(1e-12));
    assertThat(s.totalValue()).isCloseTo(0.75, within(1e-12));
    assertThat(s.coalitionOf(3).orElseThrow().members()).containsExactly(3);
    assertThat(s.coalitionOf(3).orElseThrow().value()).isEqualTo(0.0);
    assertThat(s.coalitionOf(99)).isEmpty();
    assertThat(s.singletonCount()).isEqualTo(1);
    assertThat(s.allCoalitions()).hasSize(2);
  }

  @Test
  void incompatibleIdenticalAgentsDoNotJoinWhenThePenaltyOutweighs() {
    // a = 1 - JSD(A, B) is small and b = 0 (same capabilities): w < lambda.
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults().withLambda(0.5));
    CoalitionStructure s = f.form(List.of(agent(1, CENTRE, 0b1, WANTS_A), agent(2, CENTRE, 0b1, WANTS_B)));
    assertThat(s.coalitionCount()).isZero();
    assertThat(s.totalValue()).isZero();
  }

  @Test
  void coalitionSizeIsBoundedByLambda() {
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      agents.add(agent(i, CENTRE, 1L << i, WANTS_A));
    }
    // Every pair has w = 1, so v(n) = n(n-1)/2 - 0.7 (n-1)^2: 0.3, 0.2, -0.3 for n = 2, 3, 4: six pairs (1.8) is
    // the optimum (ExhaustiveOptimumTest), and the greedy finds it.
    CoalitionStructure s = CoalitionFormation.create(CoalitionConfig.defaults().withLambda(0.7)).form(agents);
    assertThat(s.coalitions()).hasSize(6).allSatisfy(c -> assertThat(c.size()).isEqualTo(2));
    assertThat(s.totalValue()).isCloseTo(6 * 0.3, within(1e-9));
    // A smaller lambda allows larger coalitions: 12 agents, lambda 0.3: v(n) = n(n-1)/2 - 0.3 (n-1)^2 grows with n.
    CoalitionStructure loose = CoalitionFormation.create(CoalitionConfig.defaults().withLambda(0.3)).form(agents);
    assertThat(loose.coalitions()).hasSize(1);
    assertThat(loose.totalValue()).isCloseTo(66 - 0.3 * 121, within(1e-9));
  }

  @Test
  void resultDoesNotDependOnInputOrder() {
    List<Agent> agents = CityWorkload.berlin(9).agents(3000, 3);
    CoalitionStructure a = CoalitionFormation.create(CoalitionConfig.defaults()).form(agents);
    List<Agent> shuffled = new ArrayList<>(agents);
    Collections.shuffle(shuffled, new Random(5));
    CoalitionStructure b = CoalitionFormation.create(CoalitionConfig.defaults()).form(shuffled);
    assertThat(b.allCoalitions()).isEqualTo(a.allCoalitions());
    assertThat(b.totalValue()).isEqualTo(a.totalValue());
    assertThat(a.coalitionCount()).isGreaterThan(100);
  }

  @Test
  void finerCellsAreBucketedUnderTheirParent() {
    long fine1 = H3Cells.h3().cellToChildren(CENTRE, 12).get(0);
    long fine2 = H3Cells.h3().cellToChildren(CENTRE, 12).get(100);
    CoalitionStructure s = CoalitionFormation.create(CoalitionConfig.defaults()).form(List.of(
        agent(1, fine1, 0b01, WANTS_A), agent(2, fine2, 0b10, WANTS_A)));
    assertThat(s.coalitionCount()).isEqualTo(1);
    assertThat(s.coalitions().get(0).cells()).containsExactly(Math.min(fine1, fine2), Math.max(fine1, fine2));
  }

  @Test
  void badAgentsAreRejectedNamingTheAgent() {
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
    assertThatThrownBy(() -> f.form(List.of(agent(5, 12345L, 0, WANTS_A))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent 5: cell 0x3039 is not a valid H3 cell");
    long coarse = H3Cells.h3().cellToParent(CENTRE, 7);
    assertThatThrownBy(() -> f.form(List.of(agent(6, coarse, 0, WANTS_A))))
        .hasMessageContaining("agent 6").hasMessageContaining("resolution 7, coarser than the formation's resolution 9");
    assertThatThrownBy(() -> f.form(List.of(agent(1, CENTRE, 0, WANTS_A), agent(1, CENTRE, 0, WANTS_B))))
        .hasMessageContaining("agent id 1 appears more than once");
    assertThatThrownBy(() -> f.form(List.of(agent(1, CENTRE, 0, WANTS_A), agent(2, CENTRE, 0, new double[] {1}))))
        .hasMessageContaining("agent 2: preferredOutcome has 1 outcomes but the other agents have 2");
    assertThatThrownBy(() -> f.remove(77)).hasMessageContaining("agent id 77 is not part of this formation");
  }

  @Test
  void customValueFunctionIsUsed() {
    ValueFunction everyoneTogether = new ValueFunction() {
      @Override
      public double pairWeight(Agent a, Agent b, int gridDistance) {
        return 1.0;
      }

      @Override
      public double sizePenalty(int size) {
        return 0.1 * (size - 1);
      }
    };
    List<Agent> agents = CityWorkload.berlin(9).agents(20, 0.3, 9);
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults().withK(5), everyoneTogether);
    CoalitionStructure s = f.form(agents);
    assertThat(s.coalitionCount()).isEqualTo(1);
    assertThat(s.totalValue()).isCloseTo(20 * 19 / 2.0 - 0.1 * 19, within(1e-9));
    assertThat(f.value(agents)).isCloseTo(s.totalValue(), within(1e-9));
  }

  @Test
  void valueFunctionWithNonZeroSingletonPenaltyIsRejected() {
    ValueFunction bad = new ValueFunction() {
      @Override
      public double pairWeight(Agent a, Agent b, int gridDistance) {
        return 1;
      }

      @Override
      public double sizePenalty(int size) {
        return size;
      }
    };
    assertThatThrownBy(() -> CoalitionFormation.create(CoalitionConfig.defaults(), bad))
        .hasMessageContaining("sizePenalty(1) = 1.0 (must be 0");
  }

  @Test
  void incrementalRoundHandlesJoinMoveChangeAndLeave() {
    CityWorkload city = CityWorkload.berlin(9);
    List<Agent> agents = city.agents(2000, 11);
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
    f.form(agents);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    f.put(city.moved(agents.get(10), 0.5, rng));
    f.put(city.changed(agents.get(20), rng));
    f.put(city.newAgent(5000, city.radiusKm(2000), rng));
    f.remove(30);
    assertThat(f.pendingChanges()).isEqualTo(4);
    CoalitionStructure s = f.repair();
    assertThat(f.pendingChanges()).isZero();
    assertThat(s.agentCount()).isEqualTo(2000);
    assertThat(s.coalitionOf(30)).isEmpty();
    assertThat(s.coalitionOf(5000)).isPresent();
    assertThat(s.round().incremental()).isTrue();
    assertThat(s.round().changedAgents()).isEqualTo(4);
    assertThat(s.round().freedAgents()).isLessThan(100);
    CoalitionStructure rebuilt = CoalitionFormation.create(CoalitionConfig.defaults()).form(f.agents());
    assertThat(s.totalValue()).isGreaterThanOrEqualTo(0.98 * rebuilt.totalValue());
  }

  @Test
  void removingAPendingNewAgentCancelsIt() {
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
    f.form(List.of(agent(1, CENTRE, 0b01, WANTS_A)));
    f.put(agent(2, CENTRE, 0b10, WANTS_A));
    f.remove(2);
    assertThat(f.pendingChanges()).isZero();
    assertThat(f.repair().agentCount()).isEqualTo(1);
  }

  @Test
  void incrementalFromAnEmptyFormationEqualsAFullFormation() {
    List<Agent> agents = CityWorkload.berlin(9).agents(500, 0.8, 2);
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
    agents.forEach(f::put);
    CoalitionStructure incremental = f.repair();
    CoalitionStructure full = CoalitionFormation.create(CoalitionConfig.defaults()).form(agents);
    assertThat(incremental.agentCount()).isEqualTo(500);
    assertThat(incremental.totalValue()).isCloseTo(full.totalValue(), within(1e-6 * full.totalValue()));
  }

  @Test
  void aMoveWithinTheCellChangesOnlyTheReportedCell() {
    long fine = H3Cells.h3().latLngToCell(52.52, 13.405, 12);
    long otherFine = H3Cells.h3().cellToChildren(CENTRE, 12).stream().filter(c -> c != fine).findFirst()
        .orElseThrow();
    CoalitionFormation f = CoalitionFormation.create(CoalitionConfig.defaults());
    CoalitionStructure before = f.form(List.of(agent(1, fine, 0b01, WANTS_A), agent(2, CENTRE, 0b10, WANTS_A)));
    f.put(agent(1, otherFine, 0b01, WANTS_A));
    CoalitionStructure after = f.repair();
    assertThat(after.round().changedAgents()).isEqualTo(1);
    assertThat(after.round().freedAgents()).isZero();
    assertThat(after.round().merges()).isZero();
    assertThat(after.totalValue()).isEqualTo(before.totalValue());
    Coalition c = after.coalitionOf(1).orElseThrow();
    assertThat(c.members()).containsExactly(1, 2);
    assertThat(c.cells()).containsExactlyInAnyOrder(otherFine, CENTRE);
  }

  @Test
  void repeatedFormationsAndRoundsOnOneInstanceMatchFreshOnes() {
    CityWorkload city = CityWorkload.berlin(9);
    CoalitionFormation reused = CoalitionFormation.create(CoalitionConfig.defaults());
    // A large formation first, then a smaller one: the second reuses the first one's working arrays.
    reused.form(city.agents(3000, 21));
    List<Agent> agents = city.agents(1200, 22);
    CoalitionStructure a = reused.form(agents);
    CoalitionFormation fresh = CoalitionFormation.create(CoalitionConfig.defaults());
    CoalitionStructure b = fresh.form(agents);
    assertThat(a.allCoalitions()).isEqualTo(b.allCoalitions());
    java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
    for (int round = 0; round < 5; round++) {
      for (int m = 0; m < 60; m++) {
        Agent moved = city.moved(agents.get(rng.nextInt(agents.size())), 0.5, rng);
        reused.put(moved);
        fresh.put(moved);
      }
      assertThat(reused.repair().allCoalitions()).isEqualTo(fresh.repair().allCoalitions());
    }
  }
}
