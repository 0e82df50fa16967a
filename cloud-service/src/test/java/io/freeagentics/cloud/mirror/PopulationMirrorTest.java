package io.freeagentics.cloud.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.ingest.internal.BeliefFixtures;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PopulationMirrorTest {
  private PopulationMirror mirror;

  @AfterEach
  void tearDown() {
    if (mirror != null) {
      mirror.close();
    }
  }

  private static BeliefsStored stored(String device, long sequence, BeliefSet state) {
    return new BeliefsStored("f", device, sequence, 0, state, state.agents().stream().map(AgentBeliefs::agentId)
        .toList());
  }

  @Test
  void mirrorsTheSyncedBeliefsOfEveryAgentAsFloats() throws Exception {
    mirror = new PopulationMirror(new ConfiguredMirrorModels("grid:5"), 64, 10_000);
    BeliefSet state = BeliefFixtures.grid(25, 3);
    mirror.stored(List.of(stored("d1", 7, state), stored("d2", 1, BeliefFixtures.grid(10, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    List<MirroredAgent> agents = mirror.agents("f", "d1");
    assertThat(agents).hasSize(25);
    for (MirroredAgent agent : agents) {
      double[] expected = state.agent(agent.agent()).factors().get(0).probabilities();
      float[] mirrored = agent.beliefs().get(0);
      for (int s = 0; s < expected.length; s++) {
        assertThat((double) mirrored[s]).isCloseTo(expected[s], within(1e-6));
      }
      assertThat(agent.tick()).isEqualTo(3);
      assertThat(agent.sequence()).isEqualTo(7);
      assertThat(agent.model()).isEqualTo(BuiltInModels.grid(5).name());
    }
    MirrorStats stats = mirror.stats();
    assertThat(stats.devices()).isEqualTo(2);
    assertThat(stats.agents()).isEqualTo(35);
    assertThat(stats.capacity()).isEqualTo(64);
    assertThat(stats.bytesPerAgent()).isPositive();
    System.out.println("mirror of grid:5: " + stats.bytesPerAgent() + " bytes per mirrored agent (" + stats + ")");
  }

  @Test
  void keepsTheNewestTickAndGrowsByChunks() throws Exception {
    mirror = new PopulationMirror(new ConfiguredMirrorModels("grid:5"), 8, 100);
    BeliefSet newer = BeliefFixtures.grid(20, 9);
    BeliefSet older = BeliefFixtures.grid(20, 4);
    mirror.stored(List.of(stored("d", 20, newer)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    mirror.stored(List.of(stored("d", 10, older)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    assertThat(mirror.agent("f", "d", 5).orElseThrow().tick()).isEqualTo(9);
    assertThat(mirror.stats().capacity()).isEqualTo(24);
    assertThat(mirror.agent("f", "d", 20)).isEmpty();
    assertThat(mirror.agent("f", "unknown", 0)).isEmpty();
  }

  @Test
  void skipsBeliefsThatDoNotFitTheModelAndAgentsBeyondTheLimit() throws Exception {
    mirror = new PopulationMirror(new ConfiguredMirrorModels("grid:5"), 4, 6);
    BeliefSet wrongShape = new BeliefSet(List.of(4), List.of(new AgentBeliefs(0, 1,
        List.of(BeliefCodes.quantize(new double[] {0.7, 0.1, 0.1, 0.1})))));
    mirror.stored(List.of(stored("small", 1, wrongShape), stored("big", 1, BeliefFixtures.grid(10, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    assertThat(mirror.stats().shapeMismatches()).isEqualTo(1);
    assertThat(mirror.stats().agents()).isEqualTo(6);
    assertThat(mirror.stats().full()).isEqualTo(4);
    assertThat(mirror.agents("f", "small")).isEmpty();
  }

  @Test
  void predictsTheOutcomesTheAgentExpectsWithItsModel() throws Exception {
    GenerativeModel model = BuiltInModels.grid(5);
    mirror = new PopulationMirror((fleet, device) -> Optional.of(model), 16, 100);
    mirror.stored(List.of(stored("d", 1, BeliefFixtures.grid(3, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    MirrorPrediction prediction = mirror.predict("f", "d", 2).orElseThrow();
    float[] q = mirror.agent("f", "d", 2).orElseThrow().beliefs().get(0);
    double[] outcomes = prediction.outcomes().get(0);
    double sum = 0;
    for (int o = 0; o < outcomes.length; o++) {
      double expected = 0;
      for (int s = 0; s < q.length; s++) {
        expected += model.a(0).get(o, s) * q[s];
      }
      assertThat(outcomes[o]).isCloseTo(expected, within(1e-12));
      sum += outcomes[o];
    }
    assertThat(sum).isCloseTo(1.0, within(1e-5));
    assertThat(mirror.predict("f", "d", 99)).isEmpty();
  }
}
