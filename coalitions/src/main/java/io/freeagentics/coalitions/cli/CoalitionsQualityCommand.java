package io.freeagentics.coalitions.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.internal.QualityEvaluation;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fa coalitions quality}: the greedy formation against the exhaustive optimum on small populations. */
@Command(name = "quality", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Forms coalitions on random populations of 4..MAX agents (in a disc of --radius-km around Berlin) with the "
            + "greedy algorithm and with an exhaustive search over all partitions (dynamic programming over subsets, "
            + "O(3^n)), and prints the mean ratio greedy / optimum (1 = always optimal).",
        "JSON keys: mean_ratio, min_ratio, optimal_share, trials, mean_agents, ms."})
final class CoalitionsQualityCommand extends CoalitionsSubcommand {

  @Option(names = "--trials", defaultValue = "500", description = "Random populations (default: ${DEFAULT-VALUE}).")
  private int trials;

  @Option(names = "--max-agents", defaultValue = "12", description = "Largest population, 2..16 (default: ${DEFAULT-VALUE}).")
  private int maxAgents;

  @Option(names = "--radius-km", defaultValue = "0.5", description = "Radius of the disc holding a population (default: ${DEFAULT-VALUE}).")
  private double radiusKm;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the populations (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Mixin
  private ConfigOptions configOptions;

  @Override
  int run(PrintWriter out, PrintWriter err) throws Exception {
    QualityEvaluation.Summary s;
    long start = System.nanoTime();
    try {
      CoalitionConfig config = configOptions.config();
      long[] lastReport = {System.nanoTime()};
      s = QualityEvaluation.run(config, trials, maxAgents, radiusKm, seed, done -> {
        if (System.nanoTime() - lastReport[0] > 1_000_000_000L) {
          err.printf(Locale.ROOT, "fa coalitions quality: %d / %d trials%n", done, trials);
          err.flush();
          lastReport[0] = System.nanoTime();
        }
      });
    } catch (IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    }
    double ms = (System.nanoTime() - start) / 1e6;
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("mean_ratio", s.meanRatio());
      o.put("min_ratio", s.minRatio());
      o.put("optimal_share", s.optimalShare());
      o.put("trials", s.trials());
      o.put("mean_agents", s.meanAgents());
      o.put("mean_greedy_value", s.meanGreedyValue());
      o.put("mean_optimum_value", s.meanOptimumValue());
      o.put("ms", ms);
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "fa coalitions quality: %d populations of 4..%d agents within %.2f km (%s)%n", trials,
          maxAgents, radiusKm, configOptions.describe());
      out.printf(Locale.ROOT, "  mean ratio to optimum   %.4f%n", s.meanRatio());
      out.printf(Locale.ROOT, "  worst ratio             %.4f%n", s.minRatio());
      out.printf(Locale.ROOT, "  optimal in              %.1f%% of populations%n", 100 * s.optimalShare());
      out.printf(Locale.ROOT, "  mean value              greedy %.4f, optimum %.4f%n", s.meanGreedyValue(),
          s.meanOptimumValue());
      out.printf(Locale.ROOT, "  time                    %.0f ms%n", ms);
    }
    out.flush();
    return 0;
  }
}
