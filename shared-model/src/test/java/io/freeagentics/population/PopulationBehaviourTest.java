package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour at the population's boundary: skipping, history, reset, staleness, closing, sizes, descriptions. */
@ExtendWith(PopulationInvariants.class)
class PopulationBehaviourTest {
  private static final GenerativeModel GRID = BuiltInModels.grid(5);
  private static final AgentSettings STOCHASTIC =
      AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC);

  private static int[] randomObservations(GenerativeModel model, int agents, Random random, double skipShare) {
    int modalities = model.numModalities();
    int[] observations = new int[agents * modalities];
    for (int agent = 0; agent < agents; agent++) {
      boolean skip = random.nextDouble() < skipShare;
      for (int m = 0; m < modalities; m++) {
        observations[agent * modalities + m] = skip ? Population.NO_OBSERVATION : random.nextInt(model.numObs(m));
      }
    }
    return observations;
  }

  private static float[] beliefs(Population population, int agent, int factor) {
    float[] q = new float[population.model().numStates(factor)];
    population.beliefs(agent, factor, q);
    return q;
  }

  @ParameterizedTest
  @EnumSource(value = KernelPreference.class, names = {"SCALAR", "VECTOR"})
  void skippedAgentsAreLeftUntouched(KernelPreference kernel, PopulationInvariants.Populations populations) {
    Population population = populations.create(GRID, 50, 2, kernel, STOCHASTIC);
    Random random = new Random(3);
    int[] actions = new int[50];
    population.step(randomObservations(GRID, 50, random, 0.0), actions);
    float[] before = beliefs(population, 7, 0);
    AgentHistory historyBefore = population.history(7);
    int[] observations = randomObservations(GRID, 50, random, 0.0);
    observations[7] = Population.NO_OBSERVATION;
    observations[20] = Population.NO_OBSERVATION;
    int[] out = new int[50];
    Arrays.fill(out, 99);

    int processed = population.step(observations, out);

    assertThat(processed).isEqualTo(48);
    assertThat(out[7]).isEqualTo(99);
    assertThat(out[20]).isEqualTo(99);
    assertThat(out[8]).isBetween(0, 4);
    assertThat(beliefs(population, 7, 0)).containsExactly(before);
    assertThat(population.history(7)).isEqualTo(historyBefore);
    assertThat(population.history(8).size()).isEqualTo(2);
    assertThat(population.step(new int[50], new int[50])).isEqualTo(50);
    int[] none = new int[50];
    Arrays.fill(none, Population.NO_OBSERVATION);
    assertThat(population.step(none, out)).isZero();
    assertThat(population.perceive(none)).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = KernelPreference.class, names = {"SCALAR", "VECTOR"})
  void anAgentsResultDoesNotDependOnWhichOtherAgentsAreActive(KernelPreference kernel,
      PopulationInvariants.Populations populations) {
    // Both populations give every agent the same observation each round; "together" updates all agents at once
    // (whole blocks), "apart" updates agents of one residue mod 3 at a time (agents packed from many blocks).
    GenerativeModel model = RandomPopulationModels.build(11).model();
    AgentSettings settings = STOCHASTIC.withGamma(4.0);
    int agents = 64;
    Population together = populations.create(model, agents, 1, kernel, settings);
    Population apart = populations.create(model, agents, 2, kernel, settings);
    Random random = new Random(5);
    int modalities = model.numModalities();
    int factors = model.numFactors();
    int[] actionsTogether = new int[agents * factors];
    int[] actionsApart = new int[agents * factors];
    for (int round = 0; round < 8; round++) {
      int[] observations = randomObservations(model, agents, random, 0.0);
      together.step(observations, actionsTogether);
      for (int residue = 0; residue < 3; residue++) {
        int[] some = observations.clone();
        for (int agent = 0; agent < agents; agent++) {
          if (agent % 3 != residue) {
            some[agent * modalities] = Population.NO_OBSERVATION;
          }
        }
        apart.step(some, actionsApart);
      }
      assertThat(actionsApart).as("round %d", round).containsExactly(actionsTogether);
    }
    for (int agent = 0; agent < agents; agent++) {
      for (int f = 0; f < factors; f++) {
        assertThat(beliefs(apart, agent, f)).as("agent %d", agent).containsExactly(beliefs(together, agent, f));
      }
      assertThat(apart.history(agent)).isEqualTo(together.history(agent));
    }
  }

  @Test
  void historyKeepsTheLastEntriesOldestFirst(PopulationInvariants.Populations populations) {
    Population population = populations.create(GRID, PopulationConfig.of(3).withHistoryLength(4).withThreads(1));
    int[] actions = new int[3];
    int[][] seen = new int[7][];
    int[][] chosen = new int[7][];
    for (int t = 0; t < 7; t++) {
      int[] observations = {t, (t * 3) % 25, 24 - t};
      if (t == 5) {
        population.perceive(observations);
      } else {
        population.step(observations, actions);
      }
      seen[t] = observations;
      chosen[t] = actions.clone();
    }
    AgentHistory history = population.history(2);
    assertThat(history.size()).isEqualTo(4);
    for (int k = 0; k < 4; k++) {
      int t = 3 + k;
      assertThat(history.observations()[k]).containsExactly(seen[t][2]);
      assertThat(history.actions()[k]).containsExactly(t == 5 ? Population.NO_ACTION : chosen[t][2]);
      assertThat(history.vfe()[k]).isFinite().isPositive();
    }
    population.setPreviousAction(2, new int[] {3});
    assertThat(population.history(2).actions()[3]).containsExactly(3);
    assertThat(population.history(2).actions()[2]).containsExactly(Population.NO_ACTION);
  }

  @Test
  void aZeroLengthHistoryIsAlwaysEmpty(PopulationInvariants.Populations populations) {
    Population population = populations.create(GRID, PopulationConfig.of(2).withHistoryLength(0));
    population.step(new int[] {1, 2}, new int[2]);
    population.perceive(1, new int[] {4});
    assertThat(population.history(0).size()).isZero();
    assertThat(population.history(1).size()).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = KernelPreference.class, names = {"SCALAR", "VECTOR"})
  void resetReturnsAnAgentToItsInitialState(KernelPreference kernel, PopulationInvariants.Populations populations) {
    Population population = populations.create(GRID, 20, 2, kernel, STOCHASTIC);
    Population fresh = populations.create(GRID, 20, 2, kernel, STOCHASTIC);
    Random random = new Random(9);
    int[] actions = new int[20];
    for (int t = 0; t < 5; t++) {
      population.step(randomObservations(GRID, 20, random, 0.2), actions);
    }
    population.reset(4);

    assertThat(beliefs(population, 4, 0)).containsExactly(beliefs(fresh, 4, 0));
    assertThat(population.history(4).size()).isZero();
    assertThatThrownBy(() -> population.policyPosterior(4, new float[5])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("agent 4");
    int[] observations = new int[20];
    Arrays.fill(observations, Population.NO_OBSERVATION);
    observations[4] = 12;
    population.perceive(observations);
    fresh.perceive(observations);
    assertThat(beliefs(population, 4, 0)).containsExactly(beliefs(fresh, 4, 0));
    assertThat(population.history(4).size()).isEqualTo(1);
  }

  @Test
  void policyResultsAreOnlyAvailableForTheCurrentBeliefs(PopulationInvariants.Populations populations) {
    Population population = populations.create(GRID, PopulationConfig.of(2));
    float[] qPi = new float[5];
    float[] pAction = new float[5];
    assertThatThrownBy(() -> population.policyPosterior(0, qPi)).isInstanceOf(IllegalStateException.class);
    population.step(new int[] {3, 4}, new int[2]);
    population.policyPosterior(0, qPi);
    population.actionProbabilities(0, 0, pAction);
    assertThat(sum(qPi)).isCloseTo(1.0, offset(1e-5));
    assertThat(sum(pAction)).isCloseTo(1.0, offset(1e-5));
    population.setPreviousAction(0, new int[] {1});
    population.policyPosterior(0, qPi);
    population.perceive(new int[] {Population.NO_OBSERVATION, 5});
    population.policyPosterior(0, qPi);
    assertThatThrownBy(() -> population.actionProbabilities(1, 0, pAction))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("agent 1");
    population.perceive(0, new int[] {7});
    assertThatThrownBy(() -> population.policyPosterior(0, qPi)).isInstanceOf(IllegalStateException.class);
  }

  private static double sum(float[] values) {
    double sum = 0;
    for (float value : values) {
      sum += value;
    }
    return sum;
  }

  @Test
  void deterministicSelectionTakesTheMostProbableAction(PopulationInvariants.Populations populations) {
    GenerativeModel model = RandomPopulationModels.build(21).model();
    AgentSettings settings = AgentSettings.defaults().withGamma(3.0).withAlpha(2.0);
    Population population = populations.create(model, 30, 1, KernelPreference.AUTO, settings);
    int factors = model.numFactors();
    int[] actions = new int[30 * factors];
    population.step(randomObservations(model, 30, new Random(2), 0.0), actions);
    for (int agent = 0; agent < 30; agent++) {
      for (int f = 0; f < factors; f++) {
        float[] p = new float[model.numControls(f)];
        population.actionProbabilities(agent, f, p);
        int best = 0;
        for (int u = 1; u < p.length; u++) {
          if (p[u] > p[best]) {
            best = u;
          }
        }
        assertThat(actions[agent * factors + f]).isEqualTo(best);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = SamplingMode.class)
  void stochasticSelectionFollowsTheActionProbabilities(SamplingMode mode,
      PopulationInvariants.Populations populations) {
    AgentSettings settings = new AgentSettings(1.0, 1.0, 10, 0.001, true, true, false, false, false, 1, 1,
        ActionSelection.STOCHASTIC, mode);
    int agents = 20_000;
    Population population = populations.create(GRID, PopulationConfig.of(agents).withSettings(settings)
        .withSeed(77).withHistoryLength(0));
    int[] observations = new int[agents];
    Arrays.fill(observations, 6);
    int[] actions = new int[agents];
    population.step(observations, actions);
    float[] p = new float[5];
    population.actionProbabilities(0, 0, p);
    int[] counts = new int[5];
    for (int action : actions) {
      counts[action]++;
    }
    for (int u = 0; u < 5; u++) {
      assertThat((double) counts[u] / agents).as("share of action %d", u).isCloseTo(p[u], offset(0.015));
    }
  }

  @Test
  void closingStopsThePopulationAndItsThreads() {
    long before = populationThreads();
    Population population = Population.create(GRID, PopulationConfig.of(100).withThreads(3));
    population.step(new int[100], new int[100]);
    assertThat(populationThreads()).isEqualTo(before + 2);
    population.close();
    population.close();
    assertThat(populationThreads()).isEqualTo(before);
    assertThatThrownBy(() -> population.step(new int[100], new int[100])).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> population.beliefs(0, 0, new float[25])).isInstanceOf(IllegalStateException.class);
  }

  private static long populationThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("fa-population-") && thread.isAlive()).count();
  }

  @Test
  void aGridAgentWithSixteenStepsOfHistoryNeedsLessThanOneKilobyte(PopulationInvariants.Populations populations) {
    for (KernelPreference kernel : new KernelPreference[] {KernelPreference.SCALAR, KernelPreference.VECTOR}) {
      Population population = populations.create(GRID, PopulationConfig.of(10_000).withKernel(kernel));
      assertThat(population.stateBytes() / 10_000.0).as("bytes per agent, %s", kernel).isLessThan(1024.0);
    }
  }

  @Test
  void theKernelDescriptionNamesTheKernelAndTheThreads(PopulationInvariants.Populations populations) {
    assertThat(populations.create(GRID, PopulationConfig.of(100).withKernel(KernelPreference.SCALAR)
        .withThreads(1)).kernelDescription()).startsWith("scalar").contains("sparse B").endsWith("1 thread");
    assertThat(populations.create(GRID, PopulationConfig.of(100).withKernel(KernelPreference.VECTOR)
        .withThreads(2)).kernelDescription()).startsWith("vector").contains("lanes").endsWith("2 threads");
  }

  @Test
  void theSystemPropertyOverridesTheAutomaticChoice(PopulationInvariants.Populations populations) {
    String before = System.getProperty("fa.kernel");
    try {
      System.setProperty("fa.kernel", "scalar");
      assertThat(populations.create(GRID, PopulationConfig.of(10)).kernelDescription()).startsWith("scalar");
      assertThat(populations.create(GRID, PopulationConfig.of(10).withKernel(KernelPreference.VECTOR))
          .kernelDescription()).startsWith("vector");
      System.setProperty("fa.kernel", "vector");
      assertThat(populations.create(GRID, PopulationConfig.of(10)).kernelDescription()).startsWith("vector");
      System.setProperty("fa.kernel", "fastest");
      assertThatThrownBy(() -> Population.create(GRID, PopulationConfig.of(10)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fa.kernel").hasMessageContaining("fastest");
    } finally {
      if (before == null) {
        System.clearProperty("fa.kernel");
      } else {
        System.setProperty("fa.kernel", before);
      }
    }
  }
}
