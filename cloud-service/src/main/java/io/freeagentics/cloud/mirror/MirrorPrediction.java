package io.freeagentics.cloud.mirror;

import java.util.List;

/**
 * What a mirrored agent expects to observe, computed by the mirror with the agent's model from its current beliefs:
 * for each modality m, {@code p(o_m) = sum_s A_m[o_m, s] q(s)} over the joint hidden states (q the product of the
 * factors' beliefs). Comparing it with what the device then reports shows how surprised the agent will be.
 *
 * @param outcomes one distribution per modality
 */
public record MirrorPrediction(String fleet, String device, int agent, long tick, List<double[]> outcomes) {

  public MirrorPrediction {
    outcomes = outcomes.stream().map(double[]::clone).toList();
  }

  @Override
  public List<double[]> outcomes() {
    return outcomes.stream().map(double[]::clone).toList();
  }
}
