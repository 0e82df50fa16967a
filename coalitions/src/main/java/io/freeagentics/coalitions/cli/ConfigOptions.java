package io.freeagentics.coalitions.cli;

import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.DistanceDecay;
import picocli.CommandLine.Option;

/** The formation parameters shared by the {@code fa coalitions} subcommands (picocli mixin). */
final class ConfigOptions {
  @Option(names = "--resolution", defaultValue = "9", description = "H3 resolution of the spatial index (default: ${DEFAULT-VALUE}).")
  int resolution;

  @Option(names = "--k", defaultValue = "1", description = "Rings searched for partners (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--lambda", defaultValue = "0.25", description = "Size penalty lambda (default: ${DEFAULT-VALUE}).")
  double lambda;

  @Option(names = "--alpha", defaultValue = "0.5", description = "Weight of goal compatibility (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--beta", defaultValue = "0.5", description = "Weight of capability complementarity (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--half-distance", defaultValue = "1", paramLabel = "RINGS",
      description = "g(d) halves every RINGS rings (default: ${DEFAULT-VALUE}).")
  double halfDistance;

  /** The configuration; IllegalArgumentException listing every problem. */
  CoalitionConfig config() {
    if (!(halfDistance > 0) || !Double.isFinite(halfDistance)) {
      throw new IllegalArgumentException("--half-distance must be a finite number > 0, got " + halfDistance);
    }
    return new CoalitionConfig(resolution, k, lambda, DistanceDecay.exponential(halfDistance), alpha, beta);
  }

  String describe() {
    return "resolution " + resolution + ", k " + k + ", lambda " + lambda + ", alpha " + alpha + ", beta " + beta
        + ", g halves every " + halfDistance + " ring(s)";
  }
}
