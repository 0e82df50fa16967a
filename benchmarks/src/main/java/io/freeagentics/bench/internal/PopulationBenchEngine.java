package io.freeagentics.bench.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import java.util.OptionalLong;

/** The float population engine ({@link Population}) under measurement. */
public final class PopulationBenchEngine implements BenchEngine {
  private final Population population;
  private final int threads;

  public PopulationBenchEngine(GenerativeModel model, PopulationConfig config) {
    this.population = Population.create(model, config);
    this.threads = config.effectiveThreads();
  }

  @Override
  public String name() {
    return "population";
  }

  @Override
  public int agents() {
    return population.size();
  }

  @Override
  public String description() {
    return population.kernelDescription();
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public int step(int[] observations, int[] actionsOut) {
    return population.step(observations, actionsOut);
  }

  @Override
  public int perceive(int[] observations) {
    return population.perceive(observations);
  }

  @Override
  public void perceive(int agent, int[] observation) {
    population.perceive(agent, observation);
  }

  @Override
  public boolean perceiveIncludesPolicyEvaluation() {
    return false;
  }

  @Override
  public OptionalLong stateBytes() {
    return OptionalLong.of(population.stateBytes());
  }

  @Override
  public void close() {
    population.close();
  }
}
