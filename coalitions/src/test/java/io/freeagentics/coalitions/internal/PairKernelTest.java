package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.StandardValueFunction;
import io.freeagentics.coalitions.ValueFunction;
import io.freeagentics.coalitions.workload.CityWorkload;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PairKernelTest {
  /** The fast kernel (cached p ln p) equals the reference definition of the standard value function. */
  @Property(tries = 50)
  void standardKernelMatchesTheReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int k) {
    CoalitionConfig config = CoalitionConfig.defaults().withK(k).withWeights(0.7, 1.3);
    StandardValueFunction reference = ValueFunction.standard(config);
    List<Agent> agents = CityWorkload.berlin(9).agents(20, 1.0, seed);
    AgentTable table = new AgentTable(20);
    for (Agent a : agents) {
      table.set(table.allocate(a.id()), a, a.cell());
    }
    PairKernel kernel = PairKernel.of(reference, table);
    assertThat(kernel).isInstanceOf(PairKernel.Standard.class);
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 20; j++) {
        for (int d = 0; d <= k; d++) {
          assertThat(kernel.weight(i, j, d)).isCloseTo(reference.pairWeight(agents.get(i), agents.get(j), d),
              within(1e-12));
        }
      }
    }
  }
}
