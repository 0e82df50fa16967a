package io.freeagentics.bench.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.Int8Population;
import java.util.OptionalLong;

/** The 8-bit population engine ({@link Int8Population}) under measurement. */
public final class Int8BenchEngine implements BenchEngine {
  private final Int8Population population;
  private final int threads;

  public Int8BenchEngine(GenerativeModel model, PopulationConfig config) {
    this.population = Int8Population.create(model, config);
    this.threads = config.effectiveThreads();
  }

  @Override
  public String name() {
    return "int8";
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
