package io.freeagentics.coalitions;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of coalition formation, validated as a whole: a bad configuration is rejected with one
 * {@link IllegalArgumentException} listing every problem.
 *
 * <p>The default value function (see {@link ValueFunction#standard(CoalitionConfig)}) is
 * v(C) = sum over pairs i&lt;j in C of w_ij - lambda * (|C| - 1)^2, with
 * w_ij = g(d_ij) * (alpha * a_ij + beta * b_ij).
 *
 * @param resolution H3 resolution of the spatial index (0..15); agents' cells must be this resolution or finer
 * @param k partners are searched within k grid rings; pairs further apart have weight 0 (0..{@value #MAX_K})
 * @param lambda size penalty factor (>= 0)
 * @param decay g(d), the distance decay
 * @param alpha weight of goal compatibility a_ij = 1 - JSD (>= 0)
 * @param beta weight of capability complementarity b_ij (>= 0)
 */
public record CoalitionConfig(int resolution, int k, double lambda, DistanceDecay decay, double alpha, double beta) {
  /** Largest ring count accepted (gridDisk of k = 30 holds 2,791 cells). */
  public static final int MAX_K = 30;

  /** Validates every component and reports all problems at once. */
  public CoalitionConfig {
    List<String> problems = new ArrayList<>();
    if (resolution < 0 || resolution > 15) {
      problems.add("resolution = " + resolution + " (must be an H3 resolution 0..15)");
    }
    if (k < 0 || k > MAX_K) {
      problems.add("k = " + k + " (must be 0.." + MAX_K + ")");
    }
    if (!(lambda >= 0) || !Double.isFinite(lambda)) {
      problems.add("lambda = " + lambda + " (must be a finite number >= 0)");
    }
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      problems.add("alpha = " + alpha + " (must be a finite number >= 0)");
    }
    if (!(beta >= 0) || !Double.isFinite(beta)) {
      problems.add("beta = " + beta + " (must be a finite number >= 0)");
    }
    if (decay == null) {
      problems.add("decay is null");
    } else if (k >= 0 && k <= MAX_K) {
      for (int d = 0; d <= k; d++) {
        double g = decay.at(d, k);
        if (!(g >= 0) || !Double.isFinite(g)) {
          problems.add("decay.at(" + d + ", " + k + ") = " + g + " (must be a finite number >= 0)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("coalition config has " + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", problems));
    }
  }

  /**
   * The defaults: resolution 9 (cells of 0.105 km^2 on average), k = 1 (a cell and its 6 neighbours), lambda =
   * 0.25, g halving every ring, alpha = beta = 0.5 (so w_ij is at most 1).
   */
  public static CoalitionConfig defaults() {
    return new CoalitionConfig(9, 1, 0.25, DistanceDecay.exponential(1.0), 0.5, 0.5);
  }

  public CoalitionConfig withResolution(int value) {
    return new CoalitionConfig(value, k, lambda, decay, alpha, beta);
  }

  public CoalitionConfig withK(int value) {
    return new CoalitionConfig(resolution, value, lambda, decay, alpha, beta);
  }

  public CoalitionConfig withLambda(double value) {
    return new CoalitionConfig(resolution, k, value, decay, alpha, beta);
  }

  public CoalitionConfig withDecay(DistanceDecay value) {
    return new CoalitionConfig(resolution, k, lambda, value, alpha, beta);
  }

  public CoalitionConfig withWeights(double newAlpha, double newBeta) {
    return new CoalitionConfig(resolution, k, lambda, decay, newAlpha, newBeta);
  }

  /** g(0..k) as a table. */
  public double[] decayTable() {
    double[] g = new double[k + 1];
    for (int d = 0; d <= k; d++) {
      g[d] = decay.at(d, k);
    }
    return g;
  }
}
