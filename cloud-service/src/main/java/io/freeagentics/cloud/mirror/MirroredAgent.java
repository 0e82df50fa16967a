package io.freeagentics.cloud.mirror;

import java.util.Arrays;
import java.util.List;

/**
 * One mirrored agent: its beliefs in the mirror's float population (set from the device's synced 8-bit codes,
 * normalised), and which tick and message they came from.
 *
 * @param model the name of the model the agent is mirrored with
 * @param beliefs one distribution per factor
 */
public record MirroredAgent(String fleet, String device, int agent, String model, long tick, long sequence,
    List<float[]> beliefs) {

  public MirroredAgent {
    beliefs = beliefs.stream().map(float[]::clone).toList();
  }

  @Override
  public List<float[]> beliefs() {
    return beliefs.stream().map(float[]::clone).toList();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof MirroredAgent that) || beliefs.size() != that.beliefs.size()) {
      return false;
    }
    for (int f = 0; f < beliefs.size(); f++) {
      if (!Arrays.equals(beliefs.get(f), that.beliefs.get(f))) {
        return false;
      }
    }
    return fleet.equals(that.fleet) && device.equals(that.device) && agent == that.agent && model.equals(that.model)
        && tick == that.tick && sequence == that.sequence;
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hash(fleet, device, agent, model, tick, sequence);
    for (float[] b : beliefs) {
      h = 31 * h + Arrays.hashCode(b);
    }
    return h;
  }

  @Override
  public String toString() {
    return "MirroredAgent[" + fleet + "/" + device + " agent " + agent + " (" + model + ") tick " + tick + "]";
  }
}
