package io.freeagentics.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.sim.SimulatedWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CycleDriverTest {
  /** Grid actions, in the order of the built-in grid models. */
  private static final int STAY = 0;
  private static final int UP = 1;
  private static final int DOWN = 2;
  private static final int RIGHT = 4;

  private final Progress quiet = new Progress(new PrintWriter(new StringWriter()));

  @Test
  void observationsFollowTheActionsTheEngineChose() {
    // Noise-free grid: agents see exactly their cell. The scripted engine always walks right.
    SimulatedWorld world = new SimulatedWorld(BuiltInModels.grid(5, 0.0), 2, 1L);
    world.place(0, 0, 1 * 5 + 0);
    world.place(1, 0, 4 * 5 + 3);
    ScriptedEngine engine = new ScriptedEngine(2, RIGHT);
    CycleDriver driver = new CycleDriver(engine, world);
    for (int i = 0; i < 6; i++) {
      driver.step();
    }
    List<int[]> expected = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      expected.add(new int[] {1 * 5 + Math.min(i, 4), 4 * 5 + Math.min(3 + i, 4)});
    }
    assertThat(engine.seen).containsExactlyElementsOf(expected);
  }

  @Test
  void perceiveLeavesAgentsWhereTheyAre() {
    SimulatedWorld world = new SimulatedWorld(BuiltInModels.grid(5, 0.0), 3, 1L);
    int[] before = {world.trueState(0, 0), world.trueState(1, 0), world.trueState(2, 0)};
    ScriptedEngine engine = new ScriptedEngine(3, DOWN);
    CycleDriver driver = new CycleDriver(engine, world);
    driver.perceive();
    driver.perceive();
    assertThat(new int[] {world.trueState(0, 0), world.trueState(1, 0), world.trueState(2, 0)}).isEqualTo(before);
    assertThat(engine.seen).allSatisfy(observations -> assertThat(observations).isEqualTo(before));
  }

  @Test
  void timedStepsCountEveryAgentOfEveryCall() {
    SimulatedWorld world = new SimulatedWorld(BuiltInModels.grid(3), 7, 1L);
    CycleDriver driver = new CycleDriver(new ScriptedEngine(7, UP), world);
    CycleDriver.Timing timing = driver.timeSteps(4, quiet);
    assertThat(timing.calls()).isEqualTo(4);
    assertThat(timing.agentsProcessed()).isEqualTo(28);
    assertThat(timing.nanos()).isPositive();
  }

  @Test
  void warmUpRunsAtLeastTheAskedCalls() {
    SimulatedWorld world = new SimulatedWorld(BuiltInModels.grid(3), 2, 1L);
    ScriptedEngine engine = new ScriptedEngine(2, STAY);
    CycleDriver driver = new CycleDriver(engine, world);
    assertThat(driver.warmUpSteps(5, 0.0, quiet)).isEqualTo(5);
    assertThat(engine.seen).hasSize(5);
  }

  @Test
  void refusesAnEngineThatSkipsAgents() {
    SimulatedWorld world = new SimulatedWorld(BuiltInModels.grid(3), 2, 1L);
    ScriptedEngine lazy = new ScriptedEngine(2, STAY) {
      @Override
      public int step(int[] observations, int[] actionsOut) {
        return 1;
      }
    };
    assertThatThrownBy(() -> new CycleDriver(lazy, world).step())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("processed 1 of 2 agents");
  }

  /** Records what it observed and always takes the same action. */
  private static class ScriptedEngine implements BenchEngine {
    final List<int[]> seen = new ArrayList<>();
    private final int agents;
    private final int action;

    ScriptedEngine(int agents, int action) {
      this.agents = agents;
      this.action = action;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public int agents() {
      return agents;
    }

    @Override
    public String description() {
      return "scripted";
    }

    @Override
    public int threads() {
      return 1;
    }

    @Override
    public int step(int[] observations, int[] actionsOut) {
      seen.add(observations.clone());
      Arrays.fill(actionsOut, action);
      return agents;
    }

    @Override
    public int perceive(int[] observations) {
      seen.add(observations.clone());
      return agents;
    }

    @Override
    public void perceive(int agent, int[] observation) {
      seen.add(observation.clone());
    }

    @Override
    public boolean perceiveIncludesPolicyEvaluation() {
      return false;
    }

    @Override
    public OptionalLong stateBytes() {
      return OptionalLong.empty();
    }

    @Override
    public void close() {}
  }
}
