package io.freeagentics.cloud.coalitions;

import io.freeagentics.model.Tensor;
import java.util.Optional;

/**
 * An agent's preferred-outcome distribution for coalition formation, from its model and its mirrored beliefs:
 * over the outcomes of modality 0,
 *
 * <pre>  q(o) = softmax(C_0)(o) * p(o) / Z,   p(o) = sum_s A_0[o, s] q(s)</pre>
 *
 * where {@code p} is what the agent expects to observe from its current beliefs (the mirror's
 * {@link io.freeagentics.cloud.mirror.MirrorPrediction}) and {@code softmax(C_0)} what its model prefers to observe.
 * The product is what the agent both expects and wants: two agents with the same preferences but beliefs about
 * different places get different distributions, and an agent that is sure where it is still leans towards its goal.
 */
final class PreferredOutcomes {
  private PreferredOutcomes() {}

  /**
   * The distribution, or empty when the two do not match in length or their product is 0 everywhere (an agent that
   * expects only outcomes its model gives no weight: it has no preferred outcome to share).
   */
  static Optional<double[]> of(Tensor c, double[] predicted) {
    if (c.rank() != 1 || c.size() != predicted.length) {
      return Optional.empty();
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int o = 0; o < predicted.length; o++) {
      max = Math.max(max, c.at(o));
    }
    double[] q = new double[predicted.length];
    double sum = 0;
    for (int o = 0; o < q.length; o++) {
      double p = predicted[o];
      q[o] = Math.exp(c.at(o) - max) * (p > 0 && Double.isFinite(p) ? p : 0);
      sum += q[o];
    }
    if (!(sum > 0) || !Double.isFinite(sum)) {
      return Optional.empty();
    }
    for (int o = 0; o < q.length; o++) {
      q[o] /= sum;
    }
    return Optional.of(q);
  }
}
