package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Arguments are checked at the boundary, with messages naming what is wrong, and a rejected call changes nothing. */
@ExtendWith(PopulationInvariants.class)
class PopulationArgumentsTest {
  private static final GenerativeModel TMAZE = BuiltInModels.tmaze();

  @Test
  void configurationValuesAreValidated() {
    assertThatThrownBy(() -> PopulationConfig.of(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agents").hasMessageContaining("0");
    assertThatThrownBy(() -> PopulationConfig.of(5).withHistoryLength(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("historyLength");
    assertThatThrownBy(() -> PopulationConfig.of(5).withThreads(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads").hasMessageContaining("-2");
    assertThatThrownBy(() -> PopulationConfig.of(5).withKernel(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PopulationConfig.of(5).withSettings(null)).isInstanceOf(IllegalArgumentException.class);
    PopulationConfig config = PopulationConfig.of(7);
    assertThat(config.historyLength()).isEqualTo(16);
    assertThat(config.seed()).isZero();
    assertThat(config.threads()).isZero();
    assertThat(config.kernel()).isEqualTo(KernelPreference.AUTO);
    assertThat(config.settings()).isEqualTo(AgentSettings.defaults());
    assertThat(config.effectiveThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> Population.create(null, config)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Population.create(TMAZE, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void learningSettingsAreRejectedByName() {
    AgentSettings defaults = AgentSettings.defaults();
    assertThatThrownBy(() -> Population.create(TMAZE, PopulationConfig.of(2).withSettings(
        defaults.withLearning(true, false)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learnA");
    assertThatThrownBy(() -> Population.create(TMAZE, PopulationConfig.of(2).withSettings(
        defaults.withLearning(false, true)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learnB");
    assertThatThrownBy(() -> Population.create(TMAZE, PopulationConfig.of(2).withSettings(
        defaults.withParamInfoGain(true)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("useParamInfoGain");
  }

  @Test
  void tooLargeJointSpacesAreRejected() throws Exception {
    int[] states = {300, 300};
    int[] obs = {2};
    int[] controls = {1, 1};
    List<Tensor> b = new ArrayList<>();
    for (int s : states) {
      double[] identity = new double[s * s];
      for (int i = 0; i < s; i++) {
        identity[i * s + i] = 1.0;
      }
      b.add(Tensor.of(new int[] {s, s, 1}, identity));
    }
    GenerativeModel model = GenerativeModel.builder(states, obs, controls)
        .a(List.of(Tensor.filled(new int[] {2, 300, 300}, 0.5))).b(b).build();
    assertThatThrownBy(() -> Population.create(model, PopulationConfig.of(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("joint state space")
        .hasMessageContaining("65536");
  }

  @Test
  void stepChecksItsArraysBeforeChangingAnyAgent(PopulationInvariants.Populations populations) {
    Population population = populations.create(TMAZE, PopulationConfig.of(10));
    int modalities = TMAZE.numModalities();
    int[] actions = new int[10 * TMAZE.numFactors()];
    assertThatThrownBy(() -> population.step(new int[10 * modalities - 1], actions))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observations")
        .hasMessageContaining(String.valueOf(10 * modalities - 1));
    assertThatThrownBy(() -> population.step(new int[10 * modalities], new int[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actionsOut");
    assertThatThrownBy(() -> population.step(null, actions)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> population.perceive((int[]) null)).isInstanceOf(IllegalArgumentException.class);

    int[] observations = new int[10 * modalities];
    observations[7 * modalities + 1] = 3; // modality 1 has 3 outcomes
    float[] before = new float[4];
    population.beliefs(0, 0, before);
    assertThatThrownBy(() -> population.step(observations, actions)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent 7").hasMessageContaining("modality 1").hasMessageContaining("is 3");
    assertThatThrownBy(() -> population.perceive(observations)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent 7");
    observations[7 * modalities + 1] = -5;
    assertThatThrownBy(() -> population.step(observations, actions)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
    float[] after = new float[4];
    population.beliefs(0, 0, after);
    assertThat(after).containsExactly(before);
    assertThat(population.history(0).size()).isZero();
    assertThat(actions).containsOnly(0);

    int[] skipped = new int[10 * modalities];
    skipped[7 * modalities] = Population.NO_OBSERVATION;
    skipped[7 * modalities + 1] = 99; // ignored: the agent is skipped
    assertThat(population.step(skipped, actions)).isEqualTo(9);
  }

  @Test
  void perAgentCallsCheckIndicesAndLengths(PopulationInvariants.Populations populations) {
    Population population = populations.create(TMAZE, PopulationConfig.of(4));
    population.step(new int[4 * 3], new int[4 * 2]);
    assertThatThrownBy(() -> population.beliefs(4, 0, new float[4])).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("agent 4");
    assertThatThrownBy(() -> population.beliefs(-1, 0, new float[4])).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> population.beliefs(0, 2, new float[4])).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("factor 2");
    assertThatThrownBy(() -> population.beliefs(0, 1, new float[4])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out").hasMessageContaining("2");
    assertThatThrownBy(() -> population.policyPosterior(0, new float[3])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> population.actionProbabilities(0, 0, new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> population.perceive(0, new int[] {0, 0})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation");
    assertThatThrownBy(() -> population.perceive(2, new int[] {0, 0, 2})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent 2").hasMessageContaining("modality 2").hasMessageContaining("is 2");
    assertThatThrownBy(() -> population.setPreviousAction(1, new int[] {4, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent 1").hasMessageContaining("factor 0")
        .hasMessageContaining("4");
    assertThatThrownBy(() -> population.setPreviousAction(1, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor 1");
    assertThatThrownBy(() -> population.setPreviousAction(1, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
    assertThatThrownBy(() -> population.reset(9)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> population.history(-3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(population.size()).isEqualTo(4);
    assertThat(population.model()).isSameAs(TMAZE);
    assertThat(population.config().agents()).isEqualTo(4);
  }
}
