package io.freeagentics.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.RandomModels;
import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.PopulationConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Restoring int8 agents from a checkpoint: de-quantized beliefs round-trip to the same codes, so a restored agent
 * continues exactly as the uninterrupted one (both selection modes, random models); beliefs from elsewhere are
 * quantized within the codec's precision; invalid checkpoints are rejected without changing the agent.
 */
class Int8PopulationRestorePropertyTest {
  private static final int AGENTS = 6;
  private static final int HALF = 6;

  @Provide
  Arbitrary<GenerativeModel> models() {
    return RandomModels.validModels();
  }

  /** One agent's saved state. */
  private record Snapshot(float[][] beliefs, int[] previousAction, long stepCount) {}

  @Property(tries = 40)
  void aRestoredAgentContinuesExactlyAsTheUninterruptedOne(@ForAll("models") GenerativeModel model,
      @ForAll long seed, @ForAll boolean stochastic) {
    AgentSettings settings = AgentSettings.defaults()
        .withActionSelection(stochastic ? ActionSelection.STOCHASTIC : ActionSelection.DETERMINISTIC);
    PopulationConfig config = new PopulationConfig(AGENTS, 3, seed, 1, KernelPreference.AUTO, settings);
    List<int[]> rounds = observationRounds(model, 2 * HALF, new Random(seed));
    QuantizedModel quantized = QuantizedModel.of(model);
    try (Int8Population uninterrupted = Int8Population.create(quantized, config);
        Int8Population interrupted = Int8Population.create(quantized, config);
        Int8Population restored = Int8Population.create(quantized, config)) {
      List<int[]> expected = run(uninterrupted, rounds, 0, 2 * HALF);
      run(interrupted, rounds, 0, HALF);
      for (int agent = 0; agent < AGENTS; agent++) {
        Snapshot s = snapshot(interrupted, agent);
        restored.restore(agent, s.beliefs(), s.previousAction(), s.stepCount());
        assertThat(snapshot(restored, agent).beliefs()).as("agent %d: de-quantized beliefs round-trip", agent)
            .isDeepEqualTo(s.beliefs());
      }
      List<int[]> continued = run(restored, rounds, HALF, 2 * HALF);
      for (int round = 0; round < HALF; round++) {
        assertThat(continued.get(round)).as("round %d actions", HALF + round)
            .containsExactly(expected.get(HALF + round));
      }
      for (int agent = 0; agent < AGENTS; agent++) {
        Snapshot want = snapshot(uninterrupted, agent);
        Snapshot got = snapshot(restored, agent);
        assertThat(got.beliefs()).isDeepEqualTo(want.beliefs());
        assertThat(got.previousAction()).containsExactly(want.previousAction());
        assertThat(got.stepCount()).isEqualTo(want.stepCount());
        // The restored history holds the updates since the restore: the newest entries of the uninterrupted one.
        AgentHistory history = restored.history(agent);
        assertThat(history).isEqualTo(newest(uninterrupted.history(agent), history.size()));
      }
    }
  }

  @Property(tries = 200)
  void beliefsFromElsewhereAreQuantizedWithinTheCodecsPrecision(@ForAll long seed) {
    GenerativeModel model = BuiltInModels.grid(3);
    Random random = new Random(seed);
    float[] q = new float[9];
    double sum = 0;
    for (int s = 0; s < q.length; s++) {
      q[s] = random.nextInt(4) == 0 ? 0.0f : (float) Math.exp(-20 * random.nextDouble());
      sum += q[s];
    }
    if (sum == 0) {
      q[random.nextInt(9)] = 1.0f;
      sum = 1.0;
    }
    double max = 0;
    for (int s = 0; s < q.length; s++) {
      q[s] = (float) (q[s] / sum);
      max = Math.max(max, q[s]);
    }
    try (Int8Population population = Int8Population.create(model, PopulationConfig.of(1).withThreads(1))) {
      population.restore(0, new float[][] {q}, new int[] {Int8Population.NO_ACTION}, 0);
      float[] stored = new float[9];
      population.beliefs(0, 0, stored);
      float storedMax = 0;
      for (float v : stored) {
        storedMax = Math.max(storedMax, v);
      }
      for (int s = 0; s < q.length; s++) {
        if (q[s] == 0.0f) {
          assertThat(stored[s]).isZero();
          continue;
        }
        // Ratios to the largest entry are what the codec stores; each within its relative error bound.
        double ratio = q[s] / max;
        double storedRatio = stored[s] / storedMax;
        double bound = LogCodec.relativeErrorBound(-Math.log(ratio));
        assertThat(Math.abs(storedRatio / ratio - 1)).as("entry %d, ratio %s", s, ratio)
            .isLessThanOrEqualTo(bound + 1e-6);
      }
    }
  }

  @Example
  void invalidCheckpointsAreRejectedAndLeaveTheAgentAsItWas() {
    GenerativeModel model = BuiltInModels.grid(3);
    try (Int8Population population = Int8Population.create(model, PopulationConfig.of(2).withThreads(1))) {
      int[] actions = new int[2];
      population.step(new int[] {4, 5}, actions);
      Snapshot before = snapshot(population, 1);
      float[][] good = before.beliefs();
      int[] action = before.previousAction();
      assertRejected(population, new float[][] {new float[] {1.0f}}, action, 1, "agent 1 for factor 0",
          "have 1 entries but the factor has 9 states");
      float[] nan = good[0].clone();
      nan[3] = Float.NaN;
      assertRejected(population, new float[][] {nan}, action, 1, "agent 1 for factor 0", "entry 3 is NaN");
      float[] heavy = good[0].clone();
      heavy[0] += 0.01f;
      assertRejected(population, new float[][] {heavy}, action, 1, "agent 1 for factor 0", "sum to 1.01");
      assertRejected(population, good, new int[] {model.numControls(0)}, 1, "agent 1 for factor 0", "outside");
      assertRejected(population, good, action, 1L << 31, "step count of agent 1", "counts steps in [0, 2147483647]");
      assertRejected(population, good, action, -3, "step count of agent 1 is -3");
      Snapshot after = snapshot(population, 1);
      assertThat(after.beliefs()).isDeepEqualTo(good);
      assertThat(after.previousAction()).containsExactly(action);
      assertThat(after.stepCount()).isEqualTo(1);
      population.policyPosterior(1, new float[model.numPolicies()]);
      population.restore(1, good, action, Integer.MAX_VALUE);
      assertThat(population.stepCount(1)).isEqualTo(Integer.MAX_VALUE);
      assertThatThrownBy(() -> population.policyPosterior(1, new float[model.numPolicies()]))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("restored");
    }
  }

  /** The newest {@code count} entries of {@code history}. */
  private static AgentHistory newest(AgentHistory history, int count) {
    int from = history.size() - count;
    return new AgentHistory(Arrays.copyOfRange(history.observations(), from, history.size()),
        Arrays.copyOfRange(history.actions(), from, history.size()),
        Arrays.copyOfRange(history.vfe(), from, history.size()));
  }

  private static void assertRejected(Int8Population population, float[][] beliefs, int[] action, long steps,
      String... messageParts) {
    assertThatThrownBy(() -> population.restore(1, beliefs, action, steps))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(messageParts);
  }

  private static Snapshot snapshot(Int8Population population, int agent) {
    GenerativeModel model = population.model().dequantized();
    float[][] beliefs = new float[model.numFactors()][];
    for (int f = 0; f < beliefs.length; f++) {
      beliefs[f] = new float[model.numStates(f)];
      population.beliefs(agent, f, beliefs[f]);
    }
    int[] action = new int[model.numFactors()];
    population.previousAction(agent, action);
    return new Snapshot(beliefs, action, population.stepCount(agent));
  }

  /** Rounds of observations, about one agent in five skipping a round. */
  private static List<int[]> observationRounds(GenerativeModel model, int rounds, Random random) {
    int modalities = model.numModalities();
    List<int[]> result = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      int[] observations = new int[AGENTS * modalities];
      for (int agent = 0; agent < AGENTS; agent++) {
        for (int m = 0; m < modalities; m++) {
          observations[agent * modalities + m] = random.nextInt(model.numObs(m));
        }
        if (random.nextInt(5) == 0) {
          observations[agent * modalities] = Int8Population.NO_OBSERVATION;
        }
      }
      result.add(observations);
    }
    return result;
  }

  /** Runs rounds {@code [from, to)}, every third a perception only; returns the actions. */
  private static List<int[]> run(Int8Population population, List<int[]> rounds, int from, int to) {
    int factors = population.model().dequantized().numFactors();
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
