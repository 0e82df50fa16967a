package io.freeagentics.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.RandomModels;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the reference engine on random models and random observation sequences. */
class ReferenceAgentPropertyTest {

  @Provide
  Arbitrary<GenerativeModel> models() {
    return RandomModels.validModels();
  }

  private static AgentSettings stochastic() {
    return AgentSettings.defaults().withActionSelection(ActionSelection.STOCHASTIC);
  }

  private static int[] randomObservation(GenerativeModel model, SplittableRandom random) {
    int[] observation = new int[model.numModalities()];
    for (int m = 0; m < observation.length; m++) {
      observation[m] = random.nextInt(model.numObs(m));
    }
    return observation;
  }

  private static void assertDistribution(double[] p, String what) {
    double sum = 0;
    for (double v : p) {
      assertThat(v).as(what).isBetween(0.0, 1.0);
      sum += v;
    }
    assertThat(sum).as(what + " sums to 1").isCloseTo(1.0, within(1e-9));
  }

  @Property(tries = 300)
  void everyStepYieldsProperDistributions(@ForAll("models") GenerativeModel model, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ReferenceAgent agent = new ReferenceAgent(model, stochastic());
    int[] previous = null;
    for (int t = 0; t < 6; t++) {
      StepResult result = agent.step(randomObservation(model, random), previous);
      for (int f = 0; f < model.numFactors(); f++) {
        assertDistribution(result.qs()[f], "qs[" + f + "] at step " + t);
        assertDistribution(result.pAction()[f], "p_action[" + f + "] at step " + t);
      }
      assertDistribution(result.qPi(), "q_pi at step " + t);
      for (double g : result.negEfe()) {
        assertThat(g).as("neg_efe at step " + t).isFinite();
      }
      assertThat(result.vfe()).isFinite();
      previous = agent.selectAction(result, random);
    }
  }

  @Property(tries = 300)
  void oneFactorPosteriorIsBayesRule(@ForAll("models") GenerativeModel model, @ForAll long seed) {
    Assume.that(model.numFactors() == 1);
    SplittableRandom random = new SplittableRandom(seed);
    int[] observation = randomObservation(model, random);
    StepResult result = new ReferenceAgent(model, AgentSettings.defaults()).step(observation, null);

    int states = model.numStates(0);
    double[] expected = new double[states];
    double total = 0;
    for (int s = 0; s < states; s++) {
      double likelihood = 1;
      for (int m = 0; m < model.numModalities(); m++) {
        likelihood *= model.a(m).get(observation[m], s);
      }
      expected[s] = (likelihood + 1e-16) * (model.d(0).get(s) + 1e-16);
      total += expected[s];
    }
    for (int s = 0; s < states; s++) {
      assertThat(result.qs()[0][s]).isCloseTo(expected[s] / total, within(1e-12));
    }
  }

  @Property(tries = 200)
  void learningAddsTheLearningRateToTheObservedRow(@ForAll("models") GenerativeModel drawn, @ForAll long seed)
      throws ModelValidationException {
    List<Tensor> pA = new ArrayList<>();
    for (Tensor a : drawn.a()) {
      double[] counts = a.toArray();
      for (int i = 0; i < counts.length; i++) {
        counts[i] *= 4;
      }
      pA.add(Tensor.of(a.shape(), counts));
    }
    GenerativeModel model = drawn.toBuilder().pA(pA).build();
    SplittableRandom random = new SplittableRandom(seed);
    int[] observation = randomObservation(model, random);
    AgentSettings settings = AgentSettings.defaults().withLearning(true, false);
    ReferenceAgent agent = new ReferenceAgent(model, settings);

    StepResult result = agent.step(observation, null);

    double[] joint = new io.freeagentics.engine.internal.JointStates(model.numStates()).product(result.qs());
    for (int m = 0; m < model.numModalities(); m++) {
      Tensor before = pA.get(m);
      Tensor after = agent.learnedPA().orElseThrow().get(m);
      int states = joint.length;
      double expectedGain = 0;
      for (int s = 0; s < states; s++) {
        if (model.a(m).at(observation[m] * states + s) > 0) {
          expectedGain += settings.lrPA() * joint[s];
        }
      }
      double gain = 0;
      for (int i = 0; i < before.size(); i++) {
        double change = after.at(i) - before.at(i);
        assertThat(change).isGreaterThanOrEqualTo(0.0);
        if (i / states != observation[m]) {
          assertThat(change).as("rows other than the observed one are unchanged").isZero();
        }
        gain += change;
      }
      assertThat(gain).isCloseTo(expectedGain, within(1e-9));
    }
  }
}
