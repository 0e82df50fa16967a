package io.freeagentics.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimulatedWorldTest {
  private static final int STAY = 0;
  private static final int UP = 1;
  private static final int DOWN = 2;
  private static final int LEFT = 3;
  private static final int RIGHT = 4;

  private final GenerativeModel grid = BuiltInModels.grid(5);

  private static int[] repeat(int action, int agents) {
    int[] actions = new int[agents];
    Arrays.fill(actions, action);
    return actions;
  }

  @Test
  void wallsKeepAgentsOnTheGridAndMovesAreExact() {
    SimulatedWorld world = new SimulatedWorld(grid, 200, 7);
    for (int i = 0; i < 6; i++) {
      world.act(repeat(UP, 200));
      world.act(repeat(LEFT, 200));
    }
    for (int agent = 0; agent < 200; agent++) {
      assertThat(world.trueState(agent, 0)).isZero();
    }
    world.act(repeat(RIGHT, 200));
    world.act(repeat(DOWN, 200));
    world.act(repeat(STAY, 200));
    for (int agent = 0; agent < 200; agent++) {
      assertThat(world.trueState(agent, 0)).isEqualTo(6);
    }
  }

  @Test
  void observationsFollowTheLikelihood() {
    int agents = 20_000;
    SimulatedWorld world = new SimulatedWorld(grid, agents, 11);
    int[] observations = new int[agents];
    world.observe(observations);
    int correct = 0;
    for (int agent = 0; agent < agents; agent++) {
      if (observations[agent] == world.trueState(agent, 0)) {
        correct++;
      }
    }
    double expected = grid.a(0).get(0, 0);
    assertThat(correct / (double) agents).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void agentsThatDidNotActStay() {
    SimulatedWorld world = new SimulatedWorld(grid, 3, 1);
    int before = world.trueState(1, 0);
    world.act(new int[] {RIGHT, SimulatedWorld.NO_ACTION, RIGHT});
    assertThat(world.trueState(1, 0)).isEqualTo(before);
  }

  @Test
  void theSameSeedGivesTheSameWorld() {
    SimulatedWorld first = new SimulatedWorld(grid, 50, 3);
    SimulatedWorld second = new SimulatedWorld(grid, 50, 3);
    int[] a = new int[50];
    int[] b = new int[50];
    first.observe(a);
    second.observe(b);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void badActionsAreRejectedWithTheirPosition() {
    SimulatedWorld world = new SimulatedWorld(grid, 2, 1);
    assertThatThrownBy(() -> world.act(new int[] {0, 9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actions[1] = 9")
        .hasMessageContaining("agent 1");
    assertThatThrownBy(() -> world.observe(new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observationsOut must have length 2");
  }
}
