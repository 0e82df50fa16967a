package io.freeagentics.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.RandomModels;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SimulatedWorldTest {
  /** Grid actions, in the order of the built-in grid models. */
  private static final int STAY = 0;
  private static final int UP = 1;
  private static final int DOWN = 2;
  private static final int LEFT = 3;
  private static final int RIGHT = 4;
  private static final int SIDE = 5;

  private final GenerativeModel grid = BuiltInModels.grid(SIDE);
  private final GenerativeModel tmaze = BuiltInModels.tmaze();

  private static int[] repeat(int action, int agents) {
    int[] actions = new int[agents];
    Arrays.fill(actions, action);
    return actions;
  }

  private static void placeAt(SimulatedWorld world, int agent, int row, int column) {
    world.place(agent, 0, row * SIDE + column);
  }

  private static int[] cell(SimulatedWorld world, int agent) {
    int state = world.trueState(agent, 0);
    return new int[] {state / SIDE, state % SIDE};
  }

  @Test
  void gridMovesAreExactlyOneCellInTheChosenDirection() {
    SimulatedWorld world = new SimulatedWorld(grid, 5, 7);
    for (int agent = 0; agent < 5; agent++) {
      placeAt(world, agent, 2, 2);
    }
    world.act(new int[] {STAY, UP, DOWN, LEFT, RIGHT});
    assertThat(cell(world, 0)).containsExactly(2, 2);
    assertThat(cell(world, 1)).containsExactly(1, 2);
    assertThat(cell(world, 2)).containsExactly(3, 2);
    assertThat(cell(world, 3)).containsExactly(2, 1);
    assertThat(cell(world, 4)).containsExactly(2, 3);
  }

  @Test
  void gridWallsKeepAgentsInPlace() {
    SimulatedWorld world = new SimulatedWorld(grid, 4, 7);
    placeAt(world, 0, 0, 0);
    placeAt(world, 1, 0, 0);
    placeAt(world, 2, 4, 4);
    placeAt(world, 3, 4, 4);
    world.act(new int[] {UP, LEFT, DOWN, RIGHT});
    assertThat(cell(world, 0)).containsExactly(0, 0);
    assertThat(cell(world, 1)).containsExactly(0, 0);
    assertThat(cell(world, 2)).containsExactly(4, 4);
    assertThat(cell(world, 3)).containsExactly(4, 4);
  }

  @Test
  void walkingIntoTheCornerFromAnywhereEndsInTheCorner() {
    SimulatedWorld world = new SimulatedWorld(grid, 200, 7);
    for (int i = 0; i < SIDE + 1; i++) {
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
      assertThat(cell(world, agent)).containsExactly(1, 1);
    }
  }

  @Test
  void gridObservationsAreMostlyTheTrueCellAndAlwaysInRange() {
    int agents = 20_000;
    SimulatedWorld world = new SimulatedWorld(grid, agents, 11);
    int[] observations = new int[agents];
    world.observe(observations);
    int correct = 0;
    for (int agent = 0; agent < agents; agent++) {
      assertThat(observations[agent]).isBetween(0, SIDE * SIDE - 1);
      if (observations[agent] == world.trueState(agent, 0)) {
        correct++;
      }
    }
    // A puts 0.904 on the true cell; 20 000 draws land within 0.01 of it (more than 4 standard deviations).
    assertThat(correct / (double) agents).isCloseTo(grid.a(0).get(0, 0), offset(0.01));
  }

  @Test
  void oneAgentsObservationIsOfItsOwnState() {
    SimulatedWorld world = new SimulatedWorld(BuiltInModels.grid(SIDE, 0.0), 3, 2);
    placeAt(world, 1, 3, 4);
    int[] observation = new int[1];
    world.observe(1, observation);
    assertThat(observation[0]).isEqualTo(3 * SIDE + 4);
  }

  @Test
  void initialGridPositionsCoverTheGrid() {
    SimulatedWorld world = new SimulatedWorld(grid, 1000, 5);
    boolean[] seen = new boolean[SIDE * SIDE];
    for (int agent = 0; agent < 1000; agent++) {
      seen[world.trueState(agent, 0)] = true;
    }
    assertThat(seen).doesNotContain(false);
  }

  @Test
  void agentsThatDidNotActStay() {
    SimulatedWorld world = new SimulatedWorld(grid, 3, 1);
    placeAt(world, 1, 2, 2);
    world.act(new int[] {RIGHT, SimulatedWorld.NO_ACTION, RIGHT});
    assertThat(cell(world, 1)).containsExactly(2, 2);
  }

  @Test
  void theSameSeedGivesTheSameWorld() {
    SimulatedWorld first = new SimulatedWorld(grid, 100, 3);
    SimulatedWorld second = new SimulatedWorld(grid, 100, 3);
    int[] a = new int[100];
    int[] b = new int[100];
    for (int step = 0; step < 5; step++) {
      first.observe(a);
      second.observe(b);
      assertThat(a).isEqualTo(b);
      first.act(repeat(step % 5, 100));
      second.act(repeat(step % 5, 100));
    }
    for (int agent = 0; agent < 100; agent++) {
      assertThat(first.trueState(agent, 0)).isEqualTo(second.trueState(agent, 0));
    }
  }

  @Test
  void tmazeAgentsStartWhereDPutsThem() {
    SimulatedWorld world = new SimulatedWorld(tmaze, 200, 1);
    assertThat(world.factors()).isEqualTo(2);
    assertThat(world.modalities()).isEqualTo(3);
    int[] contexts = new int[2];
    for (int agent = 0; agent < 200; agent++) {
      assertThat(world.trueState(agent, 0)).isZero();
      contexts[world.trueState(agent, 1)]++;
    }
    assertThat(contexts[0]).isPositive();
    assertThat(contexts[1]).isPositive();
  }

  @Test
  void tmazeMovesFollowB() {
    SimulatedWorld world = new SimulatedWorld(tmaze, 4, 1);
    int[] contextsBefore = new int[4];
    for (int agent = 0; agent < 4; agent++) {
      contextsBefore[agent] = world.trueState(agent, 1);
    }
    // T-maze: control u of the location factor goes to location u; the context factor has one control and stays.
    world.act(new int[] {0, 0, 1, 0, 2, 0, 3, 0});
    for (int agent = 0; agent < 4; agent++) {
      assertThat(world.trueState(agent, 0)).isEqualTo(agent);
      assertThat(world.trueState(agent, 1)).isEqualTo(contextsBefore[agent]);
    }
  }

  @Test
  void theTmazeCueShowsTheTrueContextAtTheCueLocation() {
    int agents = 100;
    SimulatedWorld world = new SimulatedWorld(tmaze, agents, 2);
    int[] toCue = new int[agents * 2];
    for (int agent = 0; agent < agents; agent++) {
      toCue[agent * 2] = 3;
    }
    world.act(toCue);
    int[] observations = new int[agents * 3];
    world.observe(observations);
    for (int agent = 0; agent < agents; agent++) {
      assertThat(observations[agent * 3]).as("location seen").isEqualTo(3);
      assertThat(observations[agent * 3 + 1]).as("no outcome at the cue").isZero();
      assertThat(observations[agent * 3 + 2]).as("cue").isEqualTo(world.trueState(agent, 1));
    }
  }

  @Property(tries = 60)
  void statesAndObservationsNeverTakeAnImpossibleValue(@ForAll("models") GenerativeModel model,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    int agents = 20;
    SimulatedWorld world = new SimulatedWorld(model, agents, seed);
    int factors = model.numFactors();
    int modalities = model.numModalities();
    SplittableRandom choices = new SplittableRandom(seed);
    int[] observations = new int[agents * modalities];
    int[] actions = new int[agents * factors];
    int[] previous = new int[agents * factors];
    for (int agent = 0; agent < agents; agent++) {
      for (int f = 0; f < factors; f++) {
        assertThat(model.d(f).at(world.trueState(agent, f))).as("D of the starting state").isPositive();
      }
    }
    for (int step = 0; step < 4; step++) {
      world.observe(observations);
      for (int agent = 0; agent < agents; agent++) {
        int[] index = new int[factors + 1];
        for (int f = 0; f < factors; f++) {
          index[f + 1] = world.trueState(agent, f);
        }
        for (int m = 0; m < modalities; m++) {
          index[0] = observations[agent * modalities + m];
          assertThat(model.a(m).get(index)).as("A of the drawn outcome").isPositive();
        }
        for (int f = 0; f < factors; f++) {
          previous[agent * factors + f] = world.trueState(agent, f);
          actions[agent * factors + f] = choices.nextInt(model.numControls(f));
        }
      }
      world.act(actions);
      for (int agent = 0; agent < agents; agent++) {
        for (int f = 0; f < factors; f++) {
          int at = agent * factors + f;
          assertThat(model.b(f).get(world.trueState(agent, f), previous[at], actions[at]))
              .as("B of the drawn move").isPositive();
        }
      }
    }
  }

  @Provide
  Arbitrary<GenerativeModel> models() {
    return RandomModels.validModels();
  }

  @Test
  void badArgumentsAreRejectedNamingTheArgumentAndValue() {
    SimulatedWorld world = new SimulatedWorld(grid, 2, 1);
    assertThatThrownBy(() -> new SimulatedWorld(grid, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agents must be at least 1 but was 0");
    assertThatThrownBy(() -> world.observe(new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observationsOut must have length 2 but was of length 3");
    assertThatThrownBy(() -> world.observe(2, new int[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent must be in [0, 2) but was 2");
    assertThatThrownBy(() -> world.observe(0, new int[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observationOut must have length 1 but was of length 2");
    assertThatThrownBy(() -> world.trueState(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factor must be in [0, 1) but was 1");
    assertThatThrownBy(() -> world.place(0, 0, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state of factor 0 must be in [0, 25) but was 25");
    assertThatThrownBy(() -> world.act(new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actions must have length 2 but was of length 3");
  }

  @Test
  void aRejectedActionMovesNobody() {
    SimulatedWorld world = new SimulatedWorld(grid, 2, 1);
    placeAt(world, 0, 2, 2);
    placeAt(world, 1, 2, 2);
    assertThatThrownBy(() -> world.act(new int[] {RIGHT, 9}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actions[1] = 9")
        .hasMessageContaining("agent 1");
    assertThat(cell(world, 0)).containsExactly(2, 2);
    assertThat(cell(world, 1)).containsExactly(2, 2);
  }
}
