package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension handing tests a {@link Populations} factory and, after each test, checking every population
 * the test created: every agent's beliefs of every factor are finite and sum to 1 within 1e-4; then closing it.
 * jqwik properties (not run by JUnit Jupiter) call {@link Populations#checkAndClose()} themselves.
 */
final class PopulationInvariants implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PopulationInvariants.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Populations.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(Populations.class, key -> new Populations(),
        Populations.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Populations populations = context.getStore(NAMESPACE).remove(Populations.class, Populations.class);
    if (populations != null) {
      populations.checkAndClose();
    }
  }

  /** Creates populations for one test and remembers them for the invariant check. */
  static final class Populations {
    private final List<Population> created = new ArrayList<>();

    Population create(GenerativeModel model, PopulationConfig config) {
      Population population = Population.create(model, config);
      created.add(population);
      return population;
    }

    Population create(GenerativeModel model, int agents, int threads, KernelPreference kernel,
        AgentSettings settings) {
      return create(model, PopulationConfig.of(agents).withThreads(threads).withKernel(kernel).withSettings(settings));
    }

    /** Checks every agent of every population created so far, then closes them. */
    void checkAndClose() {
      try {
        for (Population population : created) {
          checkBeliefs(population);
        }
      } finally {
        created.forEach(Population::close);
        created.clear();
      }
    }

    private static void checkBeliefs(Population population) {
      GenerativeModel model = population.model();
      for (int f = 0; f < model.numFactors(); f++) {
        float[] q = new float[model.numStates(f)];
        for (int agent = 0; agent < population.size(); agent++) {
          population.beliefs(agent, f, q);
          double sum = 0;
          for (float value : q) {
            assertThat(value).as("agent %d factor %d belief", agent, f).isFinite().isGreaterThanOrEqualTo(0f);
            sum += value;
          }
          assertThat(sum).as("agent %d factor %d beliefs sum", agent, f).isCloseTo(1.0,
              org.assertj.core.data.Offset.offset(1e-4));
        }
      }
    }
  }
}
