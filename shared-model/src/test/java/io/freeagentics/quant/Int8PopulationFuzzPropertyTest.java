package io.freeagentics.quant;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.RandomModels;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.PopulationConfig;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzz-ish: random models, random observations (some agents skipped), both selection modes: every de-quantized
 * belief, policy posterior and action distribution is a valid distribution, actions are in range, nothing throws.
 */
class Int8PopulationFuzzPropertyTest {

  @Provide
  Arbitrary<GenerativeModel> models() {
    return RandomModels.validModels();
  }

  @Property(tries = 60)
  void beliefsStayValidDistributions(@ForAll("models") GenerativeModel model, @ForAll long seed,
      @ForAll boolean stochastic) {
    AgentSettings settings = AgentSettings.defaults()
        .withActionSelection(stochastic ? ActionSelection.STOCHASTIC : ActionSelection.DETERMINISTIC);
    int agents = 5;
    PopulationConfig config = new PopulationConfig(agents, 4, seed, 1, KernelPreference.AUTO, settings);
    Random random = new Random(seed);
    int modalities = model.numModalities();
    int factors = model.numFactors();
    int[] observations = new int[agents * modalities];
    int[] actions = new int[agents * factors];
    try (Int8Population population = Int8Population.create(model, config)) {
      for (int step = 0; step < 8; step++) {
        for (int agent = 0; agent < agents; agent++) {
          for (int m = 0; m < modalities; m++) {
            observations[agent * modalities + m] = random.nextInt(model.numObs(m));
          }
          if (random.nextInt(5) == 0) {
            observations[agent * modalities] = Int8Population.NO_OBSERVATION;
          }
        }
        population.step(observations, actions);
        for (int agent = 0; agent < agents; agent++) {
          for (int f = 0; f < factors; f++) {
            float[] q = new float[model.numStates(f)];
            population.beliefs(agent, f, q);
            assertValidDistribution(q);
            if (observations[agent * modalities] != Int8Population.NO_OBSERVATION) {
              assertThat(actions[agent * factors + f]).isBetween(0, model.numControls(f) - 1);
              float[] p = new float[model.numControls(f)];
              population.actionProbabilities(agent, f, p);
              assertValidDistribution(p);
            }
          }
          if (observations[agent * modalities] != Int8Population.NO_OBSERVATION) {
            float[] qPi = new float[model.numPolicies()];
            population.policyPosterior(agent, qPi);
            assertValidDistribution(qPi);
          }
        }
      }
      assertThat(population.history(0).size()).isBetween(0, 4);
    }
  }

  private static void assertValidDistribution(float[] p) {
    double sum = 0;
    for (float v : p) {
      assertThat(v).isFinite().isBetween(0.0f, 1.0f);
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }
}
