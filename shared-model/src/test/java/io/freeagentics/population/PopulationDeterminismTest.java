package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results do not depend on the thread count (bit for bit, stochastic selection included), and the plain-Java and
 * vector kernels agree closely.
 */
@ExtendWith(PopulationInvariants.class)
class PopulationDeterminismTest {

  static Stream<Arguments> models() {
    AgentSettings stochastic = AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC);
    AgentSettings full = new AgentSettings(8.0, 4.0, 10, 0.001, true, true, false, false, false, 1, 1,
        ActionSelection.STOCHASTIC, SamplingMode.FULL);
    return Stream.of(
        Arguments.of("grid:5", BuiltInModels.grid(5), stochastic),
        Arguments.of("tmaze", BuiltInModels.tmaze(), stochastic),
        Arguments.of("random 7", RandomPopulationModels.build(7).model(), full),
        Arguments.of("random 12", RandomPopulationModels.build(12).model(), stochastic.withGamma(2.0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void resultsAreTheSameForAnyThreadCount(String name, GenerativeModel model, AgentSettings settings,
      PopulationInvariants.Populations populations) {
    int agents = 333;
    for (KernelPreference kernel : List.of(KernelPreference.SCALAR, KernelPreference.VECTOR)) {
      List<Population> byThreads = List.of(1, 2, 3).stream()
          .map(threads -> populations.create(model, PopulationConfig.of(agents).withThreads(threads)
              .withKernel(kernel).withSettings(settings).withSeed(42)))
          .toList();
      Random random = new Random(1);
      int factors = model.numFactors();
      for (int round = 0; round < 12; round++) {
        int[] observations = observations(model, agents, random);
        int[][] actions = new int[3][agents * factors];
        for (int i = 0; i < 3; i++) {
          if (round % 4 == 3) {
            byThreads.get(i).perceive(observations);
          } else {
            byThreads.get(i).step(observations, actions[i]);
          }
        }
        assertThat(actions[1]).as("%s %s round %d, 2 threads", name, kernel, round).containsExactly(actions[0]);
        assertThat(actions[2]).as("%s %s round %d, 3 threads", name, kernel, round).containsExactly(actions[0]);
      }
      for (int agent = 0; agent < agents; agent++) {
        for (int f = 0; f < factors; f++) {
          float[] expected = beliefs(byThreads.get(0), agent, f);
          assertThat(beliefs(byThreads.get(1), agent, f)).containsExactly(expected);
          assertThat(beliefs(byThreads.get(2), agent, f)).containsExactly(expected);
        }
        assertThat(byThreads.get(2).history(agent)).isEqualTo(byThreads.get(0).history(agent));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void scalarAndVectorKernelsAgree(String name, GenerativeModel model, AgentSettings settings,
      PopulationInvariants.Populations populations) {
    int agents = 100;
    Population scalar = populations.create(model, agents, 1, KernelPreference.SCALAR, settings);
    Population vector = populations.create(model, agents, 2, KernelPreference.VECTOR, settings);
    Random random = new Random(2);
    int factors = model.numFactors();
    int[] scalarActions = new int[agents * factors];
    int[] vectorActions = new int[agents * factors];
    for (int round = 0; round < 10; round++) {
      int[] observations = observations(model, agents, random);
      scalar.step(observations, scalarActions);
      vector.step(observations, vectorActions);
      for (int agent = 0; agent < agents; agent++) {
        if (observations[agent * model.numModalities()] == Population.NO_OBSERVATION) {
          continue;
        }
        for (int f = 0; f < factors; f++) {
          float[] expected = beliefs(scalar, agent, f);
          float[] actual = beliefs(vector, agent, f);
          for (int s = 0; s < expected.length; s++) {
            assertThat(actual[s]).as("%s agent %d qs[%d][%d]", name, agent, f, s).isCloseTo(expected[s], offset(1e-5f));
          }
        }
        float[] expectedPi = new float[model.numPolicies()];
        float[] actualPi = new float[model.numPolicies()];
        scalar.policyPosterior(agent, expectedPi);
        vector.policyPosterior(agent, actualPi);
        for (int k = 0; k < expectedPi.length; k++) {
          assertThat(actualPi[k]).as("%s agent %d q_pi[%d]", name, agent, k).isCloseTo(expectedPi[k], offset(1e-4f));
        }
        // the same action for both, so that the agents stay comparable
        int[] action = java.util.Arrays.copyOfRange(scalarActions, agent * factors, (agent + 1) * factors);
        vector.setPreviousAction(agent, action);
      }
    }
  }

  private static int[] observations(GenerativeModel model, int agents, Random random) {
    int modalities = model.numModalities();
    int[] observations = new int[agents * modalities];
    for (int agent = 0; agent < agents; agent++) {
      boolean skip = random.nextInt(4) == 0;
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
}
