package io.freeagentics.coalitions.internal;

import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.CoalitionFormation;
import io.freeagentics.coalitions.ValueFunction;
import io.freeagentics.coalitions.workload.CityWorkload;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Quality of the greedy formation: on random small populations (agents in a disc of {@code radiusKm}, so most pairs
 * are within a few rings), the ratio of its total value to the exhaustive optimum. A trial whose optimum is 0 (no
 * coalition worth forming) counts as ratio 1 when the greedy also finds 0.
 */
public final class QualityEvaluation {
  private QualityEvaluation() {}

  /** Summary over the trials. */
  public record Summary(int trials, double meanRatio, double minRatio, double optimalShare, double meanAgents,
      double meanGreedyValue, double meanOptimumValue) {}

  /**
   * Runs {@code trials} instances with 2..maxAgents agents (cycling through the sizes from 4 up; sizes below 4 only
   * when maxAgents is below 4).
   */
  public static Summary run(CoalitionConfig config, int trials, int maxAgents, double radiusKm, long seed,
      IntConsumer progress) {
    if (trials < 1 || maxAgents < 2 || maxAgents > ExhaustiveOptimum.MAX_AGENTS || !(radiusKm > 0)) {
      throw new IllegalArgumentException("trials must be >= 1, maxAgents 2.." + ExhaustiveOptimum.MAX_AGENTS
          + " and radiusKm > 0, got " + trials + ", " + maxAgents + ", " + radiusKm);
    }
    CityWorkload workload = CityWorkload.berlin(config.resolution());
    ValueFunction function = ValueFunction.standard(config);
    CoalitionFormation formation = CoalitionFormation.create(config, function);
    int minAgents = Math.min(4, maxAgents);
    double ratioSum = 0;
    double minRatio = Double.POSITIVE_INFINITY;
    int optimal = 0;
    long agentSum = 0;
    double greedySum = 0;
    double optimumSum = 0;
    for (int t = 0; t < trials; t++) {
      int n = minAgents + t % (maxAgents - minAgents + 1);
      List<Agent> agents = workload.agents(n, radiusKm, seed * 1_000_003L + t);
      double greedy = formation.form(agents).totalValue();
      double optimum = ExhaustiveOptimum.solve(weights(formation, agents), function::sizePenalty).value();
      double ratio = optimum <= 1e-12 ? (greedy <= 1e-12 ? 1.0 : Double.NaN) : greedy / optimum;
      if (Double.isNaN(ratio)) {
        throw new IllegalStateException("greedy value " + greedy + " exceeds optimum " + optimum + " at trial " + t);
      }
      ratioSum += ratio;
      minRatio = Math.min(minRatio, ratio);
      if (ratio >= 1 - 1e-9) {
        optimal++;
      }
      agentSum += n;
      greedySum += greedy;
      optimumSum += optimum;
      if (progress != null) {
        progress.accept(t + 1);
      }
    }
    return new Summary(trials, ratioSum / trials, minRatio, (double) optimal / trials, (double) agentSum / trials,
        greedySum / trials, optimumSum / trials);
  }

  /** The pair-weight matrix of a small population, from scratch (H3 grid distances, the value function). */
  public static double[][] weights(CoalitionFormation formation, List<Agent> agents) {
    int n = agents.size();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = formation.value(List.of(agents.get(i), agents.get(j)))
            + formation.valueFunction().sizePenalty(2);
        w[i][j] = v;
        w[j][i] = v;
      }
    }
    return w;
  }
}
