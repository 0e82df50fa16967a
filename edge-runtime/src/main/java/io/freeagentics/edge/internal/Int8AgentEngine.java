package io.freeagentics.edge.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.Int8Population;

/**
 * {@link AgentEngine} on the quantised {@link Int8Population}: the least memory per agent. A restore quantises the
 * checkpointed beliefs; since they were read from this engine, they give back the agent's exact 8-bit codes.
 */
public final class Int8AgentEngine implements AgentEngine {
  private final Int8Population population;
  private final GenerativeModel model;

  public Int8AgentEngine(GenerativeModel model, PopulationConfig config) {
    this.population = Int8Population.create(model, config);
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
    return "int8 population, " + population.kernelDescription();
  }

  @Override
  public void close() {
    population.close();
  }
}
