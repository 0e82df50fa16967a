package io.freeagentics.cloud.beliefs;

import java.util.List;
import java.util.Objects;

/**
 * One agent's beliefs at one tick, as the cloud stored them from a device's beliefs message: the probabilities of
 * each factor (decoded from the 8-bit codes the device sent), with where and when they came from.
 *
 * @param fleet the fleet id
 * @param device the device id
 * @param agent the agent id on the device
 * @param tick the agent's tick the beliefs belong to
 * @param sequence the sequence of the beliefs message that carried them
 * @param edgeMillis the device's wall-clock time of the belief tick (header timestampMillis)
 * @param persistedMillis the cloud's wall-clock time when the message was stored
 * @param beliefs one probability distribution per factor
 */
public record AgentBeliefView(String fleet, String device, int agent, long tick, long sequence, long edgeMillis,
    long persistedMillis, List<double[]> beliefs) {

  public AgentBeliefView {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(beliefs, "beliefs");
    if (agent < 0) {
      throw new IllegalArgumentException("agent must be >= 0 but was " + agent);
    }
    if (tick < 0) {
      throw new IllegalArgumentException("tick must be >= 0 but was " + tick);
    }
    beliefs = beliefs.stream().map(double[]::clone).toList();
  }

  /** The distributions, one per factor (copies: the record stays immutable). */
  @Override
  public List<double[]> beliefs() {
    return beliefs.stream().map(double[]::clone).toList();
  }

  /** The number of factors. */
  public int numFactors() {
    return beliefs.size();
  }

  /** The number of states of factor {@code factor}, without copying. */
  public int numStates(int factor) {
    return beliefs.get(factor).length;
  }

  /** The probability of {@code state} in factor {@code factor}, without copying. */
  public double probability(int factor, int state) {
    return beliefs.get(factor)[state];
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AgentBeliefView that)) {
      return false;
    }
    if (!(fleet.equals(that.fleet) && device.equals(that.device) && agent == that.agent && tick == that.tick
        && sequence == that.sequence && edgeMillis == that.edgeMillis && persistedMillis == that.persistedMillis
        && beliefs.size() == that.beliefs.size())) {
      return false;
    }
    for (int f = 0; f < beliefs.size(); f++) {
      if (!java.util.Arrays.equals(beliefs.get(f), that.beliefs.get(f))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(fleet, device, agent, tick, sequence, edgeMillis, persistedMillis);
    for (double[] b : beliefs) {
      h = 31 * h + java.util.Arrays.hashCode(b);
    }
    return h;
  }

  @Override
  public String toString() {
    return "AgentBeliefView[" + fleet + "/" + device + " agent " + agent + " tick " + tick + " sequence " + sequence
        + ", " + beliefs.size() + " factors]";
  }
}
