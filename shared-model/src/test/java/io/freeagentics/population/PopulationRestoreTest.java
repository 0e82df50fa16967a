package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restoring agents from a checkpoint: an agent restored from its beliefs, previous action and step count continues
 * bit for bit as the uninterrupted agent (stochastic selection included); invalid checkpoints are rejected without
 * changing the agent; normalisation; policy results become stale.
 */
@ExtendWith(PopulationInvariants.class)
class PopulationRestoreTest {
  private static final int AGENTS = 37;
  private static final int HALF = 8;
  private static final int HISTORY = 4;

  static Stream<Arguments> cases() {
    AgentSettings stochastic = AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC);
    AgentSettings full = new AgentSettings(8.0, 4.0, 10, 0.001, true, true, false, false, false, 1, 1,
        ActionSelection.STOCHASTIC, SamplingMode.FULL);
    List<Arguments> cases = new ArrayList<>();
    for (KernelPreference kernel : List.of(KernelPreference.SCALAR, KernelPreference.VECTOR)) {
      cases.add(Arguments.of("grid:4", BuiltInModels.grid(4), stochastic, kernel));
      cases.add(Arguments.of("tmaze", BuiltInModels.tmaze(), stochastic, kernel));
      cases.add(Arguments.of("random 7", RandomPopulationModels.build(7).model(), full, kernel));
      cases.add(Arguments.of("random 12", RandomPopulationModels.build(12).model(), stochastic.withGamma(2.0),
          kernel));
    }
    return cases.stream();
  }

  /** One agent's saved state. */
  private record Snapshot(float[][] beliefs, int[] previousAction, long stepCount) {}

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("cases")
  void aRestoredAgentContinuesExactlyAsTheUninterruptedOne(String name, GenerativeModel model, AgentSettings settings,
      KernelPreference kernel, PopulationInvariants.Populations populations) {
    PopulationConfig config = PopulationConfig.of(AGENTS).withThreads(2).withKernel(kernel).withSettings(settings)
        .withSeed(99).withHistoryLength(HISTORY);
    List<int[]> observations = observationRounds(model, 2 * HALF, new Random(name.hashCode()));
    int factors = model.numFactors();

    Population uninterrupted = populations.create(model, config);
    List<int[]> expectedActions = run(uninterrupted, observations, 0, 2 * HALF, factors);

    Population interrupted = populations.create(model, config);
    run(interrupted, observations, 0, HALF, factors);
    List<Snapshot> snapshots = new ArrayList<>();
    for (int agent = 0; agent < AGENTS; agent++) {
      snapshots.add(snapshot(interrupted, agent));
    }
    Population restored = populations.create(model, config);
    for (int agent = 0; agent < AGENTS; agent++) {
      Snapshot s = snapshots.get(agent);
      restored.restore(agent, s.beliefs(), s.previousAction(), s.stepCount());
      assertThat(snapshot(restored, agent).beliefs()).as("agent %d restored beliefs", agent)
          .isDeepEqualTo(s.beliefs());
      assertThat(restored.stepCount(agent)).isEqualTo(s.stepCount());
    }
    List<int[]> continued = run(restored, observations, HALF, 2 * HALF, factors);

    for (int round = 0; round < HALF; round++) {
      assertThat(continued.get(round)).as("%s round %d actions", name, HALF + round)
          .containsExactly(expectedActions.get(HALF + round));
    }
    for (int agent = 0; agent < AGENTS; agent++) {
      Snapshot expected = snapshot(uninterrupted, agent);
      Snapshot actual = snapshot(restored, agent);
      for (int f = 0; f < factors; f++) {
        assertThat(actual.beliefs()[f]).as("%s agent %d factor %d", name, agent, f)
            .containsExactly(expected.beliefs()[f]);
      }
      assertThat(actual.previousAction()).containsExactly(expected.previousAction());
      assertThat(actual.stepCount()).isEqualTo(expected.stepCount());
      // The restored history holds the updates since the restore: the newest entries of the uninterrupted one.
      AgentHistory history = restored.history(agent);
      assertThat(history).as("history of agent %d", agent)
          .isEqualTo(newest(uninterrupted.history(agent), history.size()));
      float[] expectedPolicies = new float[model.numPolicies()];
      float[] actualPolicies = new float[model.numPolicies()];
      uninterrupted.policyPosterior(agent, expectedPolicies);
      restored.policyPosterior(agent, actualPolicies);
      assertThat(actualPolicies).containsExactly(expectedPolicies);
    }
  }

  @Test
  void withoutItsStepCountARestoredAgentDrawsOtherRandomNumbers(PopulationInvariants.Populations populations) {
    GenerativeModel model = BuiltInModels.grid(4);
    PopulationConfig config = PopulationConfig.of(AGENTS).withThreads(1).withSeed(3)
        .withSettings(AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC).withGamma(1.0));
    List<int[]> observations = observationRounds(model, 2 * HALF, new Random(5));
    Population uninterrupted = populations.create(model, config);
    List<int[]> expected = run(uninterrupted, observations, 0, 2 * HALF, 1);
    Population interrupted = populations.create(model, config);
    run(interrupted, observations, 0, HALF, 1);
    Population restartedCounter = populations.create(model, config);
    for (int agent = 0; agent < AGENTS; agent++) {
      Snapshot s = snapshot(interrupted, agent);
      assertThat(s.stepCount()).isPositive();
      restartedCounter.restore(agent, s.beliefs(), s.previousAction(), 0);
    }
    List<int[]> continued = run(restartedCounter, observations, HALF, 2 * HALF, 1);
    boolean anyDifferent = false;
    for (int round = 0; round < HALF; round++) {
      anyDifferent |= !Arrays.equals(continued.get(round), expected.get(HALF + round));
    }
    assertThat(anyDifferent).as("actions differ somewhere when the step count is not restored").isTrue();
  }

  @Test
  void invalidCheckpointsAreRejectedAndLeaveTheAgentAsItWas(PopulationInvariants.Populations populations) {
    GenerativeModel model = BuiltInModels.tmaze();
    Population population = populations.create(model, PopulationConfig.of(3).withThreads(1));
    int[] actions = new int[3 * model.numFactors()];
    population.step(new int[] {0, 0, 1, 0, 2, 1, 1, 1, 0}, actions);
    Snapshot before = snapshot(population, 1);
    int[] action = before.previousAction();
    float[][] good = before.beliefs();

    assertRejected(population, null, action, 5, "agent 1", "must not be null");
    assertRejected(population, new float[][] {good[0]}, action, 5, "agent 1", "has 1 factors but the model has 2");
    assertRejected(population, replace(good, 1, null), action, 5, "agent 1 for factor 1", "are null");
    assertRejected(population, replace(good, 0, new float[] {0.5f, 0.5f}), action, 5, "agent 1 for factor 0",
        "have 2 entries but the factor has 4 states");
    assertRejected(population, replace(good, 1, new float[] {Float.NaN, 1.0f}), action, 5,
        "agent 1 for factor 1", "entry 0 is NaN");
    assertRejected(population, replace(good, 1, new float[] {-0.25f, 1.25f}), action, 5, "agent 1 for factor 1",
        "entry 0 is -0.25; entries must be finite and not negative");
    assertRejected(population, replace(good, 1, new float[] {Float.POSITIVE_INFINITY, 0f}), action, 5,
        "agent 1 for factor 1", "Infinity");
    assertRejected(population, replace(good, 1, new float[] {0.5f, 0.502f}), action, 5, "agent 1 for factor 1",
        "sum to 1.00");
    assertRejected(population, good, new int[] {0}, 5, "previousAction", "has length 1 but must have 2");
    assertRejected(population, good, new int[] {Population.NO_ACTION, 0}, 5, "agent 1 for factor 1",
        "factor 0 has none");
    assertRejected(population, good, new int[] {0, 99}, 5, "agent 1 for factor 1", "outside [0, ");
    assertRejected(population, good, action, -1, "step count of agent 1 is -1", "not be negative");

    Snapshot after = snapshot(population, 1);
    assertThat(after.beliefs()).isDeepEqualTo(before.beliefs());
    assertThat(after.previousAction()).containsExactly(before.previousAction());
    assertThat(after.stepCount()).isEqualTo(before.stepCount());
    population.policyPosterior(1, new float[model.numPolicies()]);
    assertThatThrownBy(() -> population.restore(3, good, action, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void nearlyNormalisedBeliefsAreDividedByTheirSumAndNormalisedOnesKeptBitForBit(
      PopulationInvariants.Populations populations) {
    GenerativeModel model = BuiltInModels.grid(2);
    Population population = populations.create(model, PopulationConfig.of(2).withThreads(1));
    float[] offBy5e4 = {0.1f, 0.2f, 0.3f, 0.4005f};
    population.restore(0, new float[][] {offBy5e4}, new int[] {Population.NO_ACTION}, 0);
    float[] stored = new float[4];
    population.beliefs(0, 0, stored);
    for (int s = 0; s < 4; s++) {
      assertThat(stored[s]).isEqualTo((float) (offBy5e4[s] / 1.0005));
    }
    float[] normalised = {0.1f, 0.2f, 0.3f, 0.4f + Math.ulp(0.4f)};
    population.restore(1, new float[][] {normalised}, new int[] {0}, 7);
    population.beliefs(1, 0, stored);
    assertThat(stored).containsExactly(normalised);
    int[] action = new int[1];
    population.previousAction(1, action);
    assertThat(action).containsExactly(0);
    population.previousAction(0, action);
    assertThat(action).containsExactly(Population.NO_ACTION);
  }

  @Test
  void aRestoreMakesPolicyResultsStaleAndEmptiesTheHistory(PopulationInvariants.Populations populations) {
    GenerativeModel model = BuiltInModels.grid(3);
    Population population = populations.create(model, PopulationConfig.of(1).withThreads(1));
    int[] actions = new int[1];
    population.step(new int[] {4}, actions);
    population.policyPosterior(0, new float[model.numPolicies()]);
    float[] q = new float[9];
    population.beliefs(0, 0, q);
    population.restore(0, new float[][] {q}, actions, population.stepCount(0));
    assertThat(population.history(0).size()).isZero();
    assertThatThrownBy(() -> population.policyPosterior(0, new float[model.numPolicies()]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("restored");
    assertThatThrownBy(() -> population.actionProbabilities(0, 0, new float[model.numControls(0)]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutAPreviousActionTheNextPriorIsD(PopulationInvariants.Populations populations) {
    GenerativeModel model = BuiltInModels.grid(3);
    Population population = populations.create(model, PopulationConfig.of(2).withThreads(1));
    float[] peaked = new float[9];
    peaked[8] = 1.0f;
    population.restore(0, new float[][] {peaked}, new int[] {Population.NO_ACTION}, 0);
    population.perceive(new int[] {2, 2});
    float[] restored = new float[9];
    float[] fresh = new float[9];
    population.beliefs(0, 0, restored);
    population.beliefs(1, 0, fresh);
    assertThat(restored).containsExactly(fresh);
  }

  /** The newest {@code count} entries of {@code history}. */
  private static AgentHistory newest(AgentHistory history, int count) {
    int from = history.size() - count;
    return new AgentHistory(Arrays.copyOfRange(history.observations(), from, history.size()),
        Arrays.copyOfRange(history.actions(), from, history.size()),
        Arrays.copyOfRange(history.vfe(), from, history.size()));
  }

  private static void assertRejected(Population population, float[][] beliefs, int[] action, long steps,
      String... messageParts) {
    assertThatThrownBy(() -> population.restore(1, beliefs, action, steps))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(messageParts);
  }

  private static float[][] replace(float[][] beliefs, int factor, float[] value) {
    float[][] copy = beliefs.clone();
    copy[factor] = value;
    return copy;
  }

  private static Snapshot snapshot(Population population, int agent) {
    GenerativeModel model = population.model();
    float[][] beliefs = new float[model.numFactors()][];
    for (int f = 0; f < beliefs.length; f++) {
      beliefs[f] = new float[model.numStates(f)];
      population.beliefs(agent, f, beliefs[f]);
    }
    int[] action = new int[model.numFactors()];
    population.previousAction(agent, action);
    return new Snapshot(beliefs, action, population.stepCount(agent));
  }

  /**
   * Rounds of observations; about one agent in five skips a round, so step counts differ between agents, except in
   * the last round, a full step of every agent, after which all have policy results.
   */
  private static List<int[]> observationRounds(GenerativeModel model, int rounds, Random random) {
    int modalities = model.numModalities();
    List<int[]> result = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      int[] observations = new int[AGENTS * modalities];
      for (int agent = 0; agent < AGENTS; agent++) {
        for (int m = 0; m < modalities; m++) {
          observations[agent * modalities + m] = random.nextInt(model.numObs(m));
        }
        if (random.nextInt(5) == 0 && round < rounds - 1) {
          observations[agent * modalities] = Population.NO_OBSERVATION;
        }
      }
      result.add(observations);
    }
    return result;
  }

  /** Runs rounds {@code [from, to)}: every third a perception only, the others full steps; returns the actions. */
  private static List<int[]> run(Population population, List<int[]> rounds, int from, int to, int factors) {
    List<int[]> actions = new ArrayList<>();
    for (int round = from; round < to; round++) {
      int[] out = new int[population.size() * factors];
      if (round % 3 == 2) {
        population.perceive(rounds.get(round));
      } else {
        population.step(rounds.get(round), out);
      }
      actions.add(out);
    }
    return actions;
  }
}
