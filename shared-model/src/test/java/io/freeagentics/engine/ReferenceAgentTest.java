package io.freeagentics.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceAgentTest {
  private final GenerativeModel grid = BuiltInModels.grid(3);

  @Test
  void learningWithoutDirichletCountsIsRefused() {
    assertThatThrownBy(() -> new ReferenceAgent(grid, AgentSettings.defaults().withLearning(true, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learnA")
        .hasMessageContaining("no pA");
  }

  @Test
  void observationsOutsideTheModelAreNamed() {
    ReferenceAgent agent = new ReferenceAgent(grid, AgentSettings.defaults());
    assertThatThrownBy(() -> agent.step(new int[] {9}, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation[0] = 9")
        .hasMessageContaining("[0, 9)");
    assertThatThrownBy(() -> agent.step(new int[] {1, 2}, null))
        .hasMessageContaining("1 entries");
  }

  @Test
  void aPreviousActionNeedsAPreviousStep() {
    ReferenceAgent agent = new ReferenceAgent(grid, AgentSettings.defaults());
    assertThatThrownBy(() -> agent.step(new int[] {0}, new int[] {1}))
        .hasMessageContaining("first step");
    agent.step(new int[] {0}, null);
    assertThatThrownBy(() -> agent.step(new int[] {0}, new int[] {7}))
        .hasMessageContaining("previousAction[0] = 7");
  }

  @Test
  void deterministicSelectionTakesTheMostProbableAction() {
    ReferenceAgent agent = new ReferenceAgent(grid, AgentSettings.defaults());
    StepResult result = agent.step(new int[] {4}, null);
    int[] action = agent.selectAction(result, new SplittableRandom(1));
    double[] p = result.pAction()[0];
    for (double v : p) {
      assertThat(p[action[0]]).isGreaterThanOrEqualTo(v);
    }
  }

  @Test
  void stochasticSelectionDrawsFromTheActionProbabilities() {
    ReferenceAgent agent = new ReferenceAgent(grid,
        AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC).withAlpha(1.0));
    StepResult result = agent.step(new int[] {4}, null);
    SplittableRandom random = new SplittableRandom(5);
    int draws = 50_000;
    int[] counts = new int[grid.numControls(0)];
    for (int i = 0; i < draws; i++) {
      counts[agent.selectAction(result, random)[0]]++;
    }
    for (int u = 0; u < counts.length; u++) {
      assertThat(counts[u] / (double) draws).isCloseTo(result.pAction()[0][u], within(0.01));
    }
  }

  @Test
  void anAgentNextToThePreferredCellStepsOntoItAndStays() {
    GenerativeModel model = BuiltInModels.grid(3);
    ReferenceAgent agent = new ReferenceAgent(model, AgentSettings.defaults());
    int position = 5;
    int[] previous = null;
    for (int t = 0; t < 8; t++) {
      StepResult result = agent.step(new int[] {position}, previous);
      previous = agent.selectAction(result, new SplittableRandom(t));
      position = move(position, previous[0], 3);
    }
    assertThat(position).as("steps onto and stays at the preferred last cell").isEqualTo(8);
  }

  @Test
  void resetStartsFromTheInitialPriorAgain() {
    ReferenceAgent agent = new ReferenceAgent(grid, AgentSettings.defaults());
    StepResult first = agent.step(new int[] {2}, null);
    agent.step(new int[] {5}, new int[] {4});
    agent.reset();
    assertThat(agent.posterior()).isEmpty();
    StepResult again = agent.step(new int[] {2}, null);
    assertThat(again.qs()[0]).containsExactly(first.qs()[0], within(0.0));
  }

  private static int move(int cell, int action, int side) {
    int row = cell / side;
    int col = cell % side;
    switch (action) {
      case 1 -> row = Math.max(row - 1, 0);
      case 2 -> row = Math.min(row + 1, side - 1);
      case 3 -> col = Math.max(col - 1, 0);
      case 4 -> col = Math.min(col + 1, side - 1);
      default -> { }
    }
    return row * side + col;
  }
}
