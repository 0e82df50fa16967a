package io.freeagentics.edge.internal;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.AgentPopulation;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.Int8Population;

/**
 * {@link AgentEngine} on any {@link AgentPopulation}: the float {@link Population} or the quantised
 * {@link Int8Population} (the least memory per agent). It adds the model's dimensions, which the runtime needs to
 * size checkpoints and which the populations expose in different forms. A restore on the int8 population quantises
 * the checkpointed beliefs; since they were read from that engine, they give back the agent's exact 8-bit codes.
 */
public final class PopulationAgentEngine implements AgentEngine {
  private final AgentPopulation population;
  private final GenerativeModel model;
  private final String label;

  private PopulationAgentEngine(AgentPopulation population, GenerativeModel model, String label) {
    this.population = population;
    this.model = model;
    this.label = label;
  }

  /** An engine on a new float {@link Population}. */
  public static PopulationAgentEngine onFloat(GenerativeModel model, PopulationConfig config) {
    return new PopulationAgentEngine(Population.create(model, config), model, "float population");
  }

  /** An engine on a new {@link Int8Population} of the model quantised. */
  public static PopulationAgentEngine onInt8(GenerativeModel model, PopulationConfig config) {
    return new PopulationAgentEngine(Int8Population.create(model, config), model, "int8 population");
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
    return label + ", " + population.kernelDescription();
  }

  @Override
  public void close() {
    population.close();
  }
}
