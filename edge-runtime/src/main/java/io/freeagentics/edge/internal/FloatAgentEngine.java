package io.freeagentics.edge.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;

/** {@link AgentEngine} on the float {@link Population}. */
public final class FloatAgentEngine implements AgentEngine {
  private final Population population;
  private final GenerativeModel model;

  public FloatAgentEngine(GenerativeModel model, PopulationConfig config) {
    this.population = Population.create(model, config);
    this.model = model;
  }

  @Override
  public int size() {
    return population.size();
  }

  @Override
  public int factors() {
    return model.numFactors();
  }

  @Override
  public int modalities() {
    return model.numModalities();
  }

  @Override
  public int numStates(int factor) {
    return model.numStates(factor);
  }

  @Override
  public int step(int[] observations, int[] actionsOut) {
    return population.step(observations, actionsOut);
  }

  @Override
  public void beliefs(int agent, int factor, float[] out) {
    population.beliefs(agent, factor, out);
  }

  @Override
  public long stepCount(int agent) {
    return population.stepCount(agent);
  }

  @Override
  public void restore(int agent, float[][] beliefs, int[] previousAction, long stepCount) {
    population.restore(agent, beliefs, previousAction, stepCount);
  }

  @Override
  public String description() {
    return "float population, " + population.kernelDescription();
  }

  @Override
  public void close() {
    population.close();
  }
}
