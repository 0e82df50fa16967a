package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.edge.EdgeCheckpoint;
import io.freeagentics.edge.EdgeHistoryEntry;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.sim.SimulatedWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRestorerTest {

  @Test
  void replayingTheWholeHistoryReproducesTheCheckpointedBeliefs() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:4");
    PopulationConfig config = PopulationConfig.of(3).withThreads(1).withHistoryLength(20);
    SimulatedWorld world = new SimulatedWorld(model, 3, 5);
    List<List<EdgeHistoryEntry>> histories = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<EdgeCheckpoint> checkpoints = new ArrayList<>();
    try (FloatAgentEngine original = new FloatAgentEngine(model, config)) {
      int[] observations = new int[3];
      int[] actions = new int[3];
      for (int tick = 0; tick < 10; tick++) {
        world.observe(observations);
        original.step(observations, actions);
        world.act(actions);
        for (int agent = 0; agent < 3; agent++) {
          histories.get(agent).add(new EdgeHistoryEntry(tick, new int[] {observations[agent]}, new int[] {actions[agent]}));
        }
      }
      for (int agent = 0; agent < 3; agent++) {
        float[] beliefs = new float[model.numStates(0)];
        original.beliefs(agent, 0, beliefs);
        checkpoints.add(new EdgeCheckpoint(agent, 9, new float[][] {beliefs}, new int[] {actions[agent]}));
      }
    }
    try (FloatAgentEngine restored = new FloatAgentEngine(model, config)) {
      AgentRestorer.Result result = AgentRestorer.restore(restored, checkpoints, histories::get);
      assertThat(result.agents()).isEqualTo(3);
      assertThat(result.maxBeliefDeviation()).isLessThan(1e-5);
    }
  }

  @Test
  void aCheckpointOfAnotherModelIsRejected() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:4");
    try (FloatAgentEngine engine = new FloatAgentEngine(model, PopulationConfig.of(1).withThreads(1))) {
      List<EdgeCheckpoint> wrong = List.of(new EdgeCheckpoint(0, 1, new float[][] {{0.5f, 0.5f}}, new int[] {0}));
      assertThatThrownBy(() -> AgentRestorer.restore(engine, wrong, agent -> List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another model");
    }
  }
}
