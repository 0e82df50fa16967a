package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.ReferenceAgent;
import io.freeagentics.engine.StepResult;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.testing.SharedFixtures;
import io.freeagentics.trace.Trace;
import io.freeagentics.trace.TraceReader;
import io.freeagentics.trace.TraceStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On every pymdp trace model (learning and parameter information gain off), a population replaying the trace's
 * observations and actions agrees with the reference engine: beliefs within 1e-4, policy posterior and action
 * probabilities within 1e-3, vfe within 1e-3 relative; on traces that do not learn, also with the recorded values.
 * Several agents replay the trace at once, each starting at a different step offset, so that agents at different
 * points of the trace share blocks; both kernels; with the population's full step and with perceive-only steps.
 */
@ExtendWith(PopulationInvariants.class)
class PopulationTraceAgreementTest {
  private static final int AGENTS = 21;

  static List<Arguments> tracesAndKernels() {
    List<Arguments> arguments = new ArrayList<>();
    for (Path trace : SharedFixtures.pymdpTraces()) {
      for (KernelPreference kernel : List.of(KernelPreference.SCALAR, KernelPreference.VECTOR)) {
        arguments.add(Arguments.of(trace.getFileName().toString(), trace, kernel));
      }
    }
    return arguments;
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("tracesAndKernels")
  void agreesWithTheReferenceEngine(String name, Path file, KernelPreference kernel,
      PopulationInvariants.Populations populations) throws Exception {
    Trace trace = TraceReader.read(file);
    AgentSettings settings = trace.settings().withLearning(false, false).withParamInfoGain(false);
    boolean traceIsReference = !trace.settings().learnA() && !trace.settings().learnB()
        && !trace.settings().useParamInfoGain();
    GenerativeModel model = trace.model();
    List<TraceStep> steps = trace.steps();
    int m = model.numModalities();
    int factors = model.numFactors();
    Population population = populations.create(model,
        PopulationConfig.of(AGENTS).withThreads(2).withKernel(kernel).withSettings(settings).withHistoryLength(4));
    List<ReferenceAgent> references = new ArrayList<>();
    for (int agent = 0; agent < AGENTS; agent++) {
      references.add(new ReferenceAgent(model, settings));
    }
    int rounds = steps.size() + AGENTS;
    int[] observations = new int[AGENTS * m];
    int[] actions = new int[AGENTS * factors];
    for (int round = 0; round < rounds; round++) {
      for (int agent = 0; agent < AGENTS; agent++) {
        int t = round - agent % (steps.size() + 1);
        boolean active = t >= 0 && t < steps.size();
        for (int i = 0; i < m; i++) {
          observations[agent * m + i] = active ? steps.get(t).observation()[i] : Population.NO_OBSERVATION;
        }
      }
      boolean perceiveOnly = round % 3 == 2;
      int processed = perceiveOnly ? population.perceive(observations) : population.step(observations, actions);
      int expectedProcessed = 0;
      for (int agent = 0; agent < AGENTS; agent++) {
        int t = round - agent % (steps.size() + 1);
        if (t < 0 || t >= steps.size()) {
          continue;
        }
        expectedProcessed++;
        TraceStep step = steps.get(t);
        StepResult expected = references.get(agent).step(step.observation(), step.previousAction());
        String where = name + " " + kernel + " agent " + agent + " t=" + t;
        ReferenceComparison.assertBeliefs(population, agent, expected, where);
        AgentHistory history = population.history(agent);
        ReferenceComparison.assertVfe(history.vfe()[history.size() - 1], expected.vfe(), where);
        if (!perceiveOnly) {
          ReferenceComparison.assertPolicies(population, agent, expected, where);
        }
        if (traceIsReference) {
          ReferenceComparison.assertBeliefs(population, agent,
              new StepResult(step.qs(), step.qPi(), step.negEfe(), step.pAction(), step.vfe()), where + " (trace)");
          ReferenceComparison.assertVfe(history.vfe()[history.size() - 1], step.vfe(), where + " (trace)");
        }
        population.setPreviousAction(agent, step.action());
      }
      assertThat(processed).isEqualTo(expectedProcessed);
    }
  }
}
