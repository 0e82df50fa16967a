package io.freeagentics.population;

import io.freeagentics.engine.ReferenceAgent;
import io.freeagentics.engine.StepResult;
import io.freeagentics.model.GenerativeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * On thousands of random models and settings, many agents with different random observation sequences, each
 * compared with its own reference agent after every update: beliefs within 1e-4, policy posterior and action
 * probabilities within 1e-3, vfe within 1e-3 relative. Each round a random subset of agents is active (the others
 * are skipped), some rounds are perceive-only, actions are either the population's own choices or random forced
 * ones, and agents are sometimes reset — with both kernels and 1-3 threads.
 */
class PopulationReferencePropertyTest {

  @Property(tries = 1000)
  void scalarKernelAgreesWithTheReference(@ForAll("cases") RandomPopulationModels.Case testCase,
      @ForAll @IntRange(min = 1, max = 40) int agents, @ForAll long sequenceSeed,
      @ForAll @IntRange(min = 1, max = 3) int threads) {
    replay(testCase, agents, sequenceSeed, threads, KernelPreference.SCALAR);
  }

  @Property(tries = 1000)
  void vectorKernelAgreesWithTheReference(@ForAll("cases") RandomPopulationModels.Case testCase,
      @ForAll @IntRange(min = 1, max = 40) int agents, @ForAll long sequenceSeed,
      @ForAll @IntRange(min = 1, max = 3) int threads) {
    replay(testCase, agents, sequenceSeed, threads, KernelPreference.VECTOR);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<RandomPopulationModels.Case> cases() {
    return RandomPopulationModels.cases();
  }

  private static void replay(RandomPopulationModels.Case testCase, int agents, long sequenceSeed, int threads,
      KernelPreference kernel) {
    GenerativeModel model = testCase.model();
    PopulationInvariants.Populations populations = new PopulationInvariants.Populations();
    try {
      Population population = populations.create(model, PopulationConfig.of(agents).withThreads(threads)
          .withKernel(kernel).withSettings(testCase.settings()).withSeed(sequenceSeed).withHistoryLength(3));
      Random random = new Random(sequenceSeed);
      int modalities = model.numModalities();
      int factors = model.numFactors();
      List<ReferenceAgent> references = new ArrayList<>();
      int[][] previous = new int[agents][];
      boolean[] stepped = new boolean[agents];
      for (int agent = 0; agent < agents; agent++) {
        references.add(new ReferenceAgent(model, testCase.settings()));
      }
      int rounds = 1 + random.nextInt(6);
      int[] observations = new int[agents * modalities];
      int[] actions = new int[agents * factors];
      for (int round = 0; round < rounds; round++) {
        boolean perceiveOnly = random.nextInt(4) == 0;
        for (int agent = 0; agent < agents; agent++) {
          boolean active = random.nextInt(5) != 0;
          for (int m = 0; m < modalities; m++) {
            observations[agent * modalities + m] =
                active ? random.nextInt(model.numObs(m)) : Population.NO_OBSERVATION;
          }
        }
        if (perceiveOnly) {
          population.perceive(observations);
        } else {
          population.step(observations, actions);
        }
        for (int agent = 0; agent < agents; agent++) {
          if (observations[agent * modalities] == Population.NO_OBSERVATION) {
            continue;
          }
          int[] observation = java.util.Arrays.copyOfRange(observations, agent * modalities,
              (agent + 1) * modalities);
          StepResult expected = references.get(agent).step(observation, previous[agent]);
          String where = testCase + " agent " + agent + " round " + round;
          ReferenceComparison.assertBeliefs(population, agent, expected, where);
          AgentHistory history = population.history(agent);
          ReferenceComparison.assertVfe(history.vfe()[history.size() - 1], expected.vfe(), where);
          stepped[agent] = true;
          if (!perceiveOnly) {
            ReferenceComparison.assertPolicies(population, agent, expected, where);
            previous[agent] = java.util.Arrays.copyOfRange(actions, agent * factors, (agent + 1) * factors);
          }
          if (random.nextInt(3) == 0) {
            int[] forced = new int[factors];
            for (int f = 0; f < factors; f++) {
              forced[f] = random.nextInt(model.numControls(f));
            }
            population.setPreviousAction(agent, forced);
            previous[agent] = forced;
          }
          if (random.nextInt(10) == 0) {
            population.reset(agent);
            references.get(agent).reset();
            previous[agent] = null;
          }
        }
      }
    } finally {
      populations.checkAndClose();
    }
  }
}
