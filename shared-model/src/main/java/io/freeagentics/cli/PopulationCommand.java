package io.freeagentics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.population.AgentHistory;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.sim.SimulatedWorld;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa population}: a population of agents living in a simulated world built from their own model, with live
 * progress and a final summary. Runs on embedded defaults; needs no external service.
 */
@Command(name = "fa population", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    description = {
        "Runs a population of Active Inference agents in a simulated world made from their own model (for "
            + "grid:N the agents walk the grid and observe their cell with noise).",
        "Prints progress every half second (throughput since the previous line, the share of agents observing "
            + "their preferred outcome, the mean variational free energy) and a summary at the end."})
public final class PopulationCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Agents whose free energy is averaged for the progress lines. */
  private static final int VFE_SAMPLE = 1000;
  private static final long PROGRESS_NANOS = 500_000_000L;

  @Option(names = "--model", defaultValue = "grid:8", paramLabel = "MODEL",
      description = "Built-in model (${COMPLETION-CANDIDATES}) or a model JSON file (default: ${DEFAULT-VALUE}).",
      completionCandidates = BuiltInNames.class)
  private String modelSpec;

  @Option(names = "--agents", defaultValue = "20000", description = "Number of agents (default: ${DEFAULT-VALUE}).")
  private int agents;

  @Option(names = "--steps", defaultValue = "200", description = "Perception-action cycles (default: ${DEFAULT-VALUE}).")
  private int steps;

  @Option(names = "--threads", defaultValue = "0", description = "Worker threads, 0 = one per core (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the world and the agents' choices (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--deterministic", description = "Take the most probable action instead of sampling it.")
  private boolean deterministic;

  @Option(names = "--json", description = "Print the summary as one JSON object (progress still goes to stderr).")
  private boolean json;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PopulationCommand()).execute(args));
  }

  /** The built-in model names, for the help text. */
  static final class BuiltInNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    BuiltInNames() {
      super(ModelCatalog.builtInNames());
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (agents < 1 || steps < 1 || threads < 0) {
      err.println("fa population: --agents and --steps must be at least 1 and --threads at least 0, but were "
          + agents + ", " + steps + ", " + threads);
      return 2;
    }
    GenerativeModel model;
    try {
      model = ModelCatalog.resolve(modelSpec);
    } catch (ModelInputException e) {
      err.println("fa population: " + e.getMessage());
      return 2;
    }
    AgentSettings settings = AgentSettings.defaults()
        .withActionSelection(deterministic ? ActionSelection.DETERMINISTIC : ActionSelection.STOCHASTIC);
    PopulationConfig config = PopulationConfig.of(agents).withThreads(threads).withSeed(seed).withSettings(settings);
    GoalTracker goal = new GoalTracker(model);
    try (Population population = Population.create(model, config)) {
      err.printf(Locale.ROOT, "fa population: %,d agents on %s, %d steps, %s%n", agents, model.name(), steps,
          population.kernelDescription());
      SimulatedWorld world = new SimulatedWorld(model, agents, seed);
      int[] observations = new int[agents * model.numModalities()];
      int[] actions = new int[agents * model.numFactors()];
      double firstGoalShare = Double.NaN;
      double firstVfe = Double.NaN;
      double goalShare = 0;
      double meanVfe = 0;
      long stepNanos = 0;
      long intervalNanos = 0;
      int intervalSteps = 0;
      long lastProgress = System.nanoTime();
      for (int t = 0; t < steps; t++) {
        world.observe(observations);
        long start = System.nanoTime();
        population.step(observations, actions);
        long elapsed = System.nanoTime() - start;
        stepNanos += elapsed;
        intervalNanos += elapsed;
        intervalSteps++;
        world.act(actions);
        goalShare = goal.share(observations, agents);
        boolean progress = System.nanoTime() - lastProgress > PROGRESS_NANOS || t == 0 || t == steps - 1;
        if (progress) {
          meanVfe = sampledMeanVfe(population);
          if (t == 0) {
            firstGoalShare = goalShare;
            firstVfe = meanVfe;
          }
          err.printf(Locale.ROOT, "  step %4d/%d  %8.3f M agent-steps/s  at goal %5.1f%%  mean VFE %.3f%n", t + 1,
              steps, rate(agents, intervalSteps, intervalNanos) / 1e6, 100 * goalShare, meanVfe);
          intervalNanos = 0;
          intervalSteps = 0;
          lastProgress = System.nanoTime();
        }
      }
      double throughput = rate(agents, steps, stepNanos);
      if (json) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("model", model.name());
        summary.put("agents", agents);
        summary.put("steps", steps);
        summary.put("agent_steps", (long) agents * steps);
        summary.put("agent_steps_per_s", throughput);
        summary.put("goal_share_first", firstGoalShare);
        summary.put("goal_share_last", goalShare);
        summary.put("mean_vfe_first", firstVfe);
        summary.put("mean_vfe_last", meanVfe);
        summary.put("kernel", population.kernelDescription());
        summary.put("state_bytes_per_agent", population.stateBytes() / (double) agents);
        out.println(summary);
      } else {
        out.printf(Locale.ROOT, "%nSummary%n");
        out.printf(Locale.ROOT, "  model            %s (%d states, %d policies)%n", model.name(),
            model.numJointStates(), model.numPolicies());
        out.printf(Locale.ROOT, "  agents x steps   %,d x %d = %,d perception-action cycles%n", agents, steps,
            (long) agents * steps);
        out.printf(Locale.ROOT, "  throughput       %.3f M agent-steps/s over all steps, JIT warm-up included (inference only, %s)%n",
            throughput / 1e6, population.kernelDescription());
        out.printf(Locale.ROOT, "  at goal          %.1f%% at the first step -> %.1f%% at the last%n",
            100 * firstGoalShare, 100 * goalShare);
        out.printf(Locale.ROOT, "  mean VFE         %.3f -> %.3f (sample of %d agents)%n", firstVfe, meanVfe,
            Math.min(VFE_SAMPLE, agents));
        out.printf(Locale.ROOT, "  agent state      %.0f bytes per agent%n", population.stateBytes() / (double) agents);
      }
      return 0;
    }
  }

  private static double rate(int agents, int steps, long nanos) {
    return nanos == 0 ? 0 : agents * (double) steps / (nanos / 1e9);
  }

  private static double sampledMeanVfe(Population population) {
    int sample = Math.min(VFE_SAMPLE, population.size());
    int stride = Math.max(1, population.size() / sample);
    double sum = 0;
    int counted = 0;
    for (int agent = 0; agent < population.size() && counted < sample; agent += stride) {
      AgentHistory history = population.history(agent);
      if (history.size() > 0) {
        sum += history.vfe()[history.size() - 1];
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /**
   * The goal of a model is the most preferred outcome (largest C) of the modality whose preferences vary most; an
   * agent is at the goal when it observes that outcome.
   */
  static final class GoalTracker {
    private final int modality;
    private final int outcome;
    private final int modalities;

    GoalTracker(GenerativeModel model) {
      int bestModality = 0;
      int bestOutcome = 0;
      double bestRange = -1;
      for (int m = 0; m < model.numModalities(); m++) {
        double[] c = model.c(m).toArray();
        int argmax = 0;
        double min = c[0];
        for (int o = 1; o < c.length; o++) {
          argmax = c[o] > c[argmax] ? o : argmax;
          min = Math.min(min, c[o]);
        }
        if (c[argmax] - min > bestRange) {
          bestRange = c[argmax] - min;
          bestModality = m;
          bestOutcome = argmax;
        }
      }
      this.modality = bestModality;
      this.outcome = bestOutcome;
      this.modalities = model.numModalities();
    }

    double share(int[] observations, int agents) {
      int hits = 0;
      for (int agent = 0; agent < agents; agent++) {
        if (observations[agent * modalities + modality] == outcome) {
          hits++;
        }
      }
      return hits / (double) agents;
    }
  }
}
