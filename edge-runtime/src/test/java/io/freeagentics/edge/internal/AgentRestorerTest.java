package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.edge.EdgeCheckpoint;
import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.sim.SimulatedWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Restoring agents from checkpoints: the restored engine continues exactly as the uninterrupted one (float: beliefs
 * bit for bit, stochastic actions included; int8: its own de-quantised beliefs give back the same codes), and
 * checkpoints that do not fit the model are rejected.
 */
class AgentRestorerTest {
  private static final int AGENTS = 3;
  private static final int TICKS = 10;

  @Test
  void aRestoredFloatEngineContinuesExactlyAsTheUninterruptedOne() throws Exception {
    continuesExactly(PopulationAgentEngine::onFloat);
  }

  @Test
  void aRestoredInt8EngineContinuesExactlyAsTheUninterruptedOne() throws Exception {
    continuesExactly(PopulationAgentEngine::onInt8);
  }

  private static void continuesExactly(BiFunction<GenerativeModel, PopulationConfig, AgentEngine> engines)
      throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:4");
    PopulationConfig config = PopulationConfig.of(AGENTS).withThreads(1).withHistoryLength(4).withSeed(11)
        .withSettings(AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC).withGamma(1.0));
    int[][] observations = new int[2 * TICKS][AGENTS];
    List<EdgeCheckpoint> checkpoints = new ArrayList<>();
    int[][] expectedActions = new int[2 * TICKS][AGENTS];
    float[][][] expectedBeliefs;
    int[] lastAction = new int[AGENTS];
    try (AgentEngine uninterrupted = engines.apply(model, config)) {
      SimulatedWorld world = new SimulatedWorld(model, AGENTS, 5);
      for (int tick = 0; tick < 2 * TICKS; tick++) {
        world.observe(observations[tick]);
        if (tick % 4 == 1) {
          observations[tick][1] = -1; // agent 1 skips some ticks: its step count falls behind the tick
        }
        uninterrupted.step(observations[tick], expectedActions[tick]);
        for (int agent = 0; agent < AGENTS; agent++) {
          if (observations[tick][agent] >= 0) {
            lastAction[agent] = expectedActions[tick][agent];
          }
        }
        world.act(expectedActions[tick]);
        if (tick == TICKS - 1) {
          for (int agent = 0; agent < AGENTS; agent++) {
            checkpoints.add(new EdgeCheckpoint(agent, tick, beliefs(uninterrupted, agent),
                new int[] {lastAction[agent]}, uninterrupted.stepCount(agent)));
          }
        }
      }
      expectedBeliefs = new float[AGENTS][][];
      for (int agent = 0; agent < AGENTS; agent++) {
        expectedBeliefs[agent] = beliefs(uninterrupted, agent);
      }
    }
    assertThat(checkpoints.get(1).steps()).isLessThan(checkpoints.get(0).steps());
    try (AgentEngine restored = engines.apply(model, config)) {
      AgentRestorer.Result result = AgentRestorer.restore(restored, checkpoints);
      assertThat(result.agents()).isEqualTo(AGENTS);
      assertThat(result.maxBeliefDeviation()).isZero();
      for (EdgeCheckpoint checkpoint : checkpoints) {
        assertThat(beliefs(restored, checkpoint.agent())).isDeepEqualTo(checkpoint.beliefs());
        assertThat(restored.stepCount(checkpoint.agent())).isEqualTo(checkpoint.steps());
      }
      for (int tick = TICKS; tick < 2 * TICKS; tick++) {
        int[] actions = new int[AGENTS];
        restored.step(observations[tick], actions);
        for (int agent = 0; agent < AGENTS; agent++) {
          if (observations[tick][agent] >= 0) {
            assertThat(actions[agent]).as("action of agent %d in tick %d", agent, tick)
                .isEqualTo(expectedActions[tick][agent]);
          }
        }
      }
      for (int agent = 0; agent < AGENTS; agent++) {
        assertThat(beliefs(restored, agent)).isDeepEqualTo(expectedBeliefs[agent]);
      }
    }
  }

  @Test
  void checkpointsOfAgentsBeyondTheEngineAreSkipped() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:2");
    try (PopulationAgentEngine engine = PopulationAgentEngine.onFloat(model, PopulationConfig.of(1).withThreads(1))) {
      float[] q = {0.7f, 0.1f, 0.1f, 0.1f};
      AgentRestorer.Result result = AgentRestorer.restore(engine, List.of(
          new EdgeCheckpoint(0, 4, new float[][] {q}, new int[] {2}, 5),
          new EdgeCheckpoint(1, 4, new float[][] {q}, new int[] {2}, 5)));
      assertThat(result.agents()).isEqualTo(1);
      assertThat(beliefs(engine, 0)[0]).containsExactly(q);
      assertThat(engine.stepCount(0)).isEqualTo(5);
    }
  }

  @Test
  void aCheckpointOfAnotherModelIsRejected() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:4");
    try (PopulationAgentEngine engine = PopulationAgentEngine.onFloat(model, PopulationConfig.of(1).withThreads(1))) {
      List<EdgeCheckpoint> wrong = List.of(new EdgeCheckpoint(0, 1, new float[][] {{0.5f, 0.5f}}, new int[] {0}, 2));
      assertThatThrownBy(() -> AgentRestorer.restore(engine, wrong))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another model");
    }
  }

  @Test
  void anInvalidCheckpointIsRejectedNamingAgentAndFactor() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:2");
    try (PopulationAgentEngine engine = PopulationAgentEngine.onInt8(model, PopulationConfig.of(1).withThreads(1))) {
      List<EdgeCheckpoint> unnormalised = List.of(
          new EdgeCheckpoint(0, 1, new float[][] {{0.5f, 0.5f, 0.5f, 0.5f}}, new int[] {0}, 2));
      assertThatThrownBy(() -> AgentRestorer.restore(engine, unnormalised))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("agent 0", "factor 0", "sum to 2");
    }
  }

  private static float[][] beliefs(AgentEngine engine, int agent) {
    float[][] beliefs = new float[engine.factors()][];
    for (int f = 0; f < beliefs.length; f++) {
      beliefs[f] = new float[engine.numStates(f)];
      engine.beliefs(agent, f, beliefs[f]);
    }
    return beliefs;
  }
}
