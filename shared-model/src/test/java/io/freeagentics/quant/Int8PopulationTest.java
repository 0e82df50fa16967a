package io.freeagentics.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.sim.SimulatedWorld;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The population API: memory per agent, argument checks, history, reset, threads and kernels. */
class Int8PopulationTest {
  private static PopulationConfig config(int agents, int history, int threads, KernelPreference kernel) {
    return new PopulationConfig(agents, history, 5, threads, kernel, AgentSettings.defaults());
  }

  @Test
  void grid5NeedsAtMost64BytesPerAgentWithoutHistory() {
    try (Int8Population population = Int8Population.create(BuiltInModels.grid(5), config(10_000, 16, 1,
        KernelPreference.AUTO))) {
      double perAgent = (double) population.stateBytesWithoutHistory() / population.size();
      double withHistory = (double) population.stateBytes() / population.size();
      System.out.printf("grid:5 int8 state: %.1f bytes/agent, with a 16-step history %.1f bytes/agent%n", perAgent,
          withHistory);
      // 25 belief codes + 5 policy codes + 5 action codes + 1 previous action + 1 flag + 4 step counter.
      assertThat(perAgent).isEqualTo(41.0).isLessThanOrEqualTo(64.0);
      assertThat(withHistory).isEqualTo(41.0 + 16 * (2 + 1 + 4) + 4);
    }
  }

  @Test
  void beliefsStartAtDAndFollowObservations() {
    GenerativeModel model = BuiltInModels.grid(5);
    try (Int8Population population = Int8Population.create(model, config(3, 4, 1, KernelPreference.AUTO))) {
      float[] q = new float[25];
      population.beliefs(0, 0, q);
      for (float v : q) {
        assertThat(v).isCloseTo(0.04f, org.assertj.core.data.Offset.offset(1e-6f));
      }
      int[] actions = new int[3];
      assertThat(population.step(new int[] {7, Int8Population.NO_OBSERVATION, 24}, actions)).isEqualTo(2);
      population.beliefs(0, 0, q);
      assertThat(argmax(q)).isEqualTo(7);
      assertThat(q[7]).isGreaterThan(0.8f);
      population.beliefs(1, 0, q);
      assertThat(q[0]).isCloseTo(0.04f, org.assertj.core.data.Offset.offset(1e-6f));
      assertThatThrownBy(() -> population.policyPosterior(1, new float[5])).isInstanceOf(IllegalStateException.class);
      float[] qPi = new float[5];
      population.policyPosterior(2, qPi);
      assertThat(qPi[0] + qPi[1] + qPi[2] + qPi[3] + qPi[4])
          .isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void historyRecordsObservationsActionsAndFreeEnergiesAndResetClearsIt() {
    GenerativeModel model = BuiltInModels.grid(5);
    try (Int8Population population = Int8Population.create(model, config(2, 3, 1, KernelPreference.AUTO))) {
      int[] actions = new int[2];
      for (int t = 0; t < 5; t++) {
        population.step(new int[] {t, t + 1}, actions);
      }
      population.perceive(0, new int[] {9});
      AgentHistory history = population.history(0);
      assertThat(history.size()).isEqualTo(3);
      assertThat(history.observations()[0]).containsExactly(3);
      assertThat(history.observations()[2]).containsExactly(9);
      assertThat(history.actions()[2]).containsExactly(Int8Population.NO_ACTION);
      assertThat(history.actions()[1][0]).isBetween(0, 4);
      for (float vfe : history.vfe()) {
        assertThat(vfe).isFinite();
      }
      population.setPreviousAction(0, new int[] {3});
      assertThat(population.history(0).actions()[2]).containsExactly(3);
      population.reset(0);
      assertThat(population.history(0).size()).isZero();
      assertThat(population.history(1).size()).isEqualTo(3);
    }
  }

  @Test
  void argumentsAreCheckedBeforeAnyAgentChanges() {
    GenerativeModel model = BuiltInModels.tmaze();
    try (Int8Population population = Int8Population.create(model, config(2, 2, 1, KernelPreference.AUTO))) {
      assertThatThrownBy(() -> population.step(new int[5], new int[4])).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("observations has length 5 but must have 6");
      assertThatThrownBy(() -> population.step(new int[] {0, 0, 0, 0, 3, 0}, new int[4]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("observation of agent 1 for modality 1 is 3, outside [0, 3)");
      assertThat(population.history(1).size()).isZero();
      assertThatThrownBy(() -> population.step(new int[6], new int[3])).hasMessageContaining("actionsOut");
      assertThatThrownBy(() -> population.beliefs(2, 0, new float[4])).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> population.beliefs(0, 2, new float[4])).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> population.beliefs(0, 0, new float[3])).hasMessageContaining("out has length 3");
      assertThatThrownBy(() -> population.setPreviousAction(0, new int[] {4, 0}))
          .hasMessageContaining("action of agent 0 for factor 0 is 4, outside [0, 4)");
      population.close();
      population.close();
      assertThatThrownBy(() -> population.history(0))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
    assertThatThrownBy(() -> Int8Population.create((GenerativeModel) null, config(1, 0, 1, KernelPreference.AUTO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Int8Population.create(model, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Int8Population.create(model, config(1, 0, 1, KernelPreference.AUTO)
        .withSettings(AgentSettings.defaults().withLearning(true, false)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learn");
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    for (ActionSelection selection : ActionSelection.values()) {
      int[][] one = run(BuiltInModels.grid(5), 1, KernelPreference.AUTO, selection);
      int[][] three = run(BuiltInModels.grid(5), 3, KernelPreference.AUTO, selection);
      assertThat(three).isDeepEqualTo(one);
    }
  }

  @Test
  void scalarAndVectorKernelsChooseAlike() {
    int[][] scalar = run(BuiltInModels.tmaze(), 1, KernelPreference.SCALAR, ActionSelection.DETERMINISTIC);
    int[][] vector = run(BuiltInModels.tmaze(), 1, KernelPreference.VECTOR, ActionSelection.DETERMINISTIC);
    assertThat(vector).isDeepEqualTo(scalar);
    try (Int8Population scalarPopulation = Int8Population.create(BuiltInModels.grid(5),
        config(1, 0, 1, KernelPreference.SCALAR))) {
      assertThat(scalarPopulation.kernelDescription()).contains("int8", "scalar (requested)");
    }
  }

  /** Actions of 50 agents over 40 steps of a simulated world. */
  private static int[][] run(GenerativeModel model, int threads, KernelPreference kernel, ActionSelection selection) {
    int agents = 50;
    PopulationConfig config = config(agents, 0, threads, kernel)
        .withSettings(AgentSettings.defaults().withActionSelection(selection));
    SimulatedWorld world = new SimulatedWorld(model, agents, 3);
    int[] observations = new int[agents * model.numModalities()];
    int[][] actions = new int[40][agents * model.numFactors()];
    try (Int8Population population = Int8Population.create(model, config)) {
      for (int t = 0; t < actions.length; t++) {
        world.observe(observations);
        population.step(observations, actions[t]);
        world.act(actions[t]);
      }
    }
    return actions;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void aQuantizedModelCanBeShared() {
    QuantizedModel model = QuantizedModel.of(BuiltInModels.grid(3));
    try (Int8Population a = Int8Population.create(model, config(2, 0, 1, KernelPreference.AUTO));
         Int8Population b = Int8Population.create(model, config(2, 0, 1, KernelPreference.AUTO))) {
      assertThat(a.model()).isSameAs(b.model());
      int[] actionsA = new int[2];
      int[] actionsB = new int[2];
      a.step(new int[] {4, 8}, actionsA);
      b.step(new int[] {4, 8}, actionsB);
      assertThat(actionsA).isEqualTo(actionsB);
      float[] qa = new float[9];
      float[] qb = new float[9];
      a.beliefs(1, 0, qa);
      b.beliefs(1, 0, qb);
      assertThat(Arrays.equals(qa, qb)).isTrue();
    }
  }
}
