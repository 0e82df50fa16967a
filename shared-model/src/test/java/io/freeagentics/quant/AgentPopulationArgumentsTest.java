package io.freeagentics.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.AgentPopulation;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The float and the 8-bit population, seen as {@link AgentPopulation}, reject the same calls with the same messages. */
class AgentPopulationArgumentsTest {
  private static final GenerativeModel TMAZE = BuiltInModels.tmaze();

  @Test
  void bothPopulationsRejectBadArgumentsAlike() {
    int factors = TMAZE.numFactors();
    int modalities = TMAZE.numModalities();
    List<Consumer<AgentPopulation>> badCalls = List.of(
        p -> p.step(new int[2 * modalities], new int[1]),
        p -> p.step(new int[] {TMAZE.numObs(0), 0, 0, 0, 0, 0}, new int[2 * factors]),
        p -> p.perceive(2, new int[modalities]),
        p -> p.perceive(0, null),
        p -> p.beliefs(0, factors, new float[1]),
        p -> p.beliefs(0, 0, new float[TMAZE.numStates(0) + 1]),
        p -> p.setPreviousAction(1, new int[] {0, TMAZE.numControls(1)}),
        p -> p.policyPosterior(0, new float[TMAZE.numPolicies()]),
        p -> p.restore(0, new float[factors][], new int[factors], 0),
        p -> p.restore(0, null, new int[factors], 0),
        p -> p.previousAction(-1, new int[factors]));
    try (AgentPopulation floats = Population.create(TMAZE, PopulationConfig.of(2).withThreads(1));
        AgentPopulation int8 = Int8Population.create(TMAZE, PopulationConfig.of(2).withThreads(1))) {
      for (Consumer<AgentPopulation> call : badCalls) {
        Throwable fromFloat = catchThrowable(() -> call.accept(floats));
        Throwable fromInt8 = catchThrowable(() -> call.accept(int8));
        assertThat(fromFloat).isNotNull();
        assertThat(fromInt8).isNotNull().hasSameClassAs(fromFloat).hasMessage(fromFloat.getMessage());
      }
    }
  }
}
