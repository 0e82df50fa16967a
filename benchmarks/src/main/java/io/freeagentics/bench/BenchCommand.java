package io.freeagentics.bench;

import io.freeagentics.bench.internal.BenchPlan;
import io.freeagentics.bench.internal.BenchReports;
import io.freeagentics.bench.internal.BenchSetupException;
import io.freeagentics.bench.internal.EngineKind;
import io.freeagentics.bench.internal.NumpyBaseline;
import io.freeagentics.bench.internal.NumpyResult;
import io.freeagentics.bench.internal.Progress;
import io.freeagentics.bench.internal.ScalingResult;
import io.freeagentics.bench.internal.ScalingRun;
import io.freeagentics.bench.internal.ThroughputResult;
import io.freeagentics.bench.internal.ThroughputRun;
import io.freeagentics.cli.ProductVersion;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.Population;
import io.freeagentics.quant.AgreementReport;
import io.freeagentics.quant.Int8Agreement;
import io.freeagentics.quant.Int8Population;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code fa bench}: measures an inference engine on a simulated world and prints full perception–action cycles per
 * second, belief updates per second, single-agent belief-update latency and memory per agent; or, with
 * {@code --scaling}, the cost per agent-step across population sizes; optionally next to the NumPy baseline.
 */
@Command(name = "fa bench", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class,
    sortOptions = false,
    description = {
        "Measures an inference engine on a simulated world whose observations follow the agents' own actions "
            + "(grid:N: agents walk the grid and see their cell through A; other models: true states drawn from B "
            + "and observed through A). Only engine calls are timed; drawing observations and moving agents are not.",
        "Prints full perception-action cycles per second, belief updates per second, single-agent belief-update "
            + "latency (p50, p99) and heap bytes per agent. Progress goes to standard error.",
        "--engine int8 --agreement: how often the 8-bit engine chooses the float engine's action, and how far "
            + "apart their beliefs are.",
        "JMH micro-benchmarks: ./fa bench jmh [JMH args]."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:measured", "1:the NumPy baseline could not run", "2:bad arguments or model"})
public final class BenchCommand implements Callable<Integer> {
  static final List<Integer> DEFAULT_SCALING_SIZES = List.of(1_000, 10_000, 100_000, 1_000_000);
  static final int NUMPY_STEPS = 20;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "grid:5",
      description = "grid:N, tmaze or a JSON model file (default: ${DEFAULT-VALUE}).")
  private String modelSpec;

  @Option(names = "--agents", paramLabel = "N", defaultValue = "10000",
      description = "Number of agents (default: ${DEFAULT-VALUE}).")
  private int agents;

  @Option(names = "--steps", paramLabel = "T", defaultValue = "50",
      description = "Timed full cycles, and as many timed population-wide belief updates (default: ${DEFAULT-VALUE}).")
  private int steps;

  @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
      description = "Worker threads, 0 = one per processor (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(names = "--kernel", paramLabel = "KIND", defaultValue = "auto",
      description = "Population kernels: auto, vector or scalar (default: ${DEFAULT-VALUE}).")
  private KernelPreference kernel;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "population",
      description = "population, int8 (the 8-bit population), or reference (N ReferenceAgent objects, as a "
          + "baseline; capped to fit --reference-budget-seconds) (default: ${DEFAULT-VALUE}).")
  private EngineKind engine;

  @Option(names = "--warmup-steps", paramLabel = "W", defaultValue = "20",
      description = "Untimed calls before each timed phase, at least (default: ${DEFAULT-VALUE}).")
  private int warmupSteps;

  @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "3",
      description = "Minimum warm-up time before each timed phase, in seconds (default: ${DEFAULT-VALUE}).")
  private double warmupSeconds;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the environment and the agents (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--latency-samples", paramLabel = "K", defaultValue = "20000",
      description = "Single-agent belief updates timed one by one (default: ${DEFAULT-VALUE}).")
  private int latencySamples;

  @Option(names = "--reference-budget-seconds", paramLabel = "S", defaultValue = "60",
      description = "With --engine reference: fewer agents are run when the requested number would take longer "
          + "(default: ${DEFAULT-VALUE}).")
  private double referenceBudgetSeconds;

  @Option(names = "--scaling",
      description = "Measure the full cycle at several population sizes (--scaling-agents) and print the cost per "
          + "agent-step of each and the max/min ratio (target: 1.2 or less).")
  private boolean scaling;

  @Option(names = "--scaling-agents", paramLabel = "N,N,...", split = ",",
      description = "Population sizes of --scaling (default: 1000,10000,100000,1000000).")
  private List<Integer> scalingAgents;

  @Option(names = "--scaling-seconds", paramLabel = "S", defaultValue = "2",
      description = "Timed seconds per size in --scaling; larger populations get fewer steps "
          + "(default: ${DEFAULT-VALUE}).")
  private double scalingSeconds;

  @Option(names = "--compare-numpy",
      description = "Also run shared/baselines/numpy_population.py (grid:N only) with the same side and agents over "
          + NUMPY_STEPS + " steps, and print our full-cycle rate divided by NumPy's.")
  private boolean compareNumpy;

  @Option(names = "--agreement",
      description = "With --engine int8: instead of timing, run the int8 and the float population side by side on the "
          + "same observations for --steps steps of --agents agents and print the share of agent-steps with the "
          + "same action (same_action_ratio) and the mean L1 distance of their beliefs (mean_l1).")
  private boolean agreement;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured picocli command line (enum values case-insensitive). */
  public static CommandLine commandLine() {
    return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    validateOptions();
    GenerativeModel model;
    try {
      model = ModelCatalog.resolve(modelSpec);
    } catch (ModelInputException e) {
      err.println("fa bench: " + e.getMessage());
      return 2;
    }
    OptionalInt gridSide = NumpyBaseline.gridSide(model);
    if (compareNumpy && gridSide.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--compare-numpy compares with the NumPy grid world: use "
          + "--model grid:N, not " + modelSpec);
    }
    BenchPlan plan = new BenchPlan(model, engine, agents, steps, warmupSteps, warmupSeconds, threads, kernel, seed,
        latencySamples, referenceBudgetSeconds);
    Optional<String> unusable = checkEngineCanRun(plan);
    if (unusable.isPresent()) {
      err.println("fa bench: " + unusable.get());
      return 2;
    }
    Progress progress = new Progress(err);
    if (agreement) {
      progress.say(String.format(java.util.Locale.ROOT, "agreement of the int8 and the float population: model %s, "
          + "%d agents, %d steps", model.name(), agents, steps));
      String kernel;
      try (Int8Population probe = Int8Population.create(model, plan.populationConfig(agents))) {
        kernel = probe.kernelDescription();
      }
      AgreementReport report = Int8Agreement.measure(model, plan.populationConfig(agents), steps);
      out.println(json ? BenchReports.json(report, kernel) : BenchReports.text(report, kernel));
      out.flush();
      return 0;
    }
    if (scaling) {
      ScalingResult result = ScalingRun.run(plan, scalingAgents == null ? DEFAULT_SCALING_SIZES : scalingAgents,
          scalingSeconds, progress);
      out.println(json ? BenchReports.json(result) : BenchReports.text(result));
      out.flush();
      return 0;
    }
    ThroughputResult result = ThroughputRun.run(plan, progress);
    Optional<NumpyResult> numpy = Optional.empty();
    if (compareNumpy) {
      try {
        int side = gridSide.getAsInt();
        progress.say("running the NumPy baseline: side " + side + ", " + result.agents() + " agents, " + NUMPY_STEPS
            + " steps");
        numpy = Optional.of(NumpyBaseline.locate().run(side, result.agents(), NUMPY_STEPS));
      } catch (BenchSetupException e) {
        out.println(json ? BenchReports.json(result, numpy) : BenchReports.text(result, numpy));
        out.flush();
        err.println("fa bench: " + e.getMessage());
        return 1;
      }
    }
    out.println(json ? BenchReports.json(result, numpy) : BenchReports.text(result, numpy));
    out.flush();
    return 0;
  }

  private void validateOptions() {
    requireAtLeast("--agents", agents, 1);
    requireAtLeast("--steps", steps, 1);
    requireAtLeast("--threads", threads, 0);
    requireAtLeast("--warmup-steps", warmupSteps, 0);
    requireAtLeast("--latency-samples", latencySamples, 1);
    if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
      throw usage("--warmup-seconds must be a finite number of seconds, 0 or more, but was " + warmupSeconds);
    }
    if (!(referenceBudgetSeconds > 0) || Double.isInfinite(referenceBudgetSeconds)) {
      throw usage("--reference-budget-seconds must be a finite number of seconds above 0 but was "
          + referenceBudgetSeconds);
    }
    if (!(scalingSeconds > 0) || Double.isInfinite(scalingSeconds)) {
      throw usage("--scaling-seconds must be a finite number of seconds above 0 but was " + scalingSeconds);
    }
    if (scalingAgents != null) {
      if (!scaling) {
        throw usage("--scaling-agents needs --scaling");
      }
      for (int size : scalingAgents) {
        requireAtLeast("every --scaling-agents size", size, 1);
      }
    }
    if (scaling && engine != EngineKind.POPULATION) {
      throw usage("--scaling measures the population engine; drop --engine " + engine.name().toLowerCase());
    }
    if (agreement && engine != EngineKind.INT8) {
      throw usage("--agreement compares the int8 engine with the float population: add --engine int8");
    }
    if (agreement && (scaling || compareNumpy)) {
      throw usage("--agreement cannot be combined with --scaling or --compare-numpy");
    }
    if (scaling && compareNumpy) {
      throw usage("--scaling and --compare-numpy cannot be combined; run them one after the other");
    }
  }

  /** Builds a one-agent engine to surface a model or kernel it cannot run before any time is spent. */
  private static Optional<String> checkEngineCanRun(BenchPlan plan) {
    if (plan.engine() == EngineKind.REFERENCE) {
      return Optional.empty();
    }
    try {
      if (plan.engine() == EngineKind.INT8) {
        Int8Population.create(plan.model(), plan.populationConfig(1)).close();
      } else {
        Population.create(plan.model(), plan.populationConfig(1)).close();
      }
      return Optional.empty();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Optional.of("the " + plan.engine().name().toLowerCase() + " engine cannot run model "
          + plan.model().name() + " with --kernel " + plan.kernel().name().toLowerCase() + ": " + e.getMessage());
    }
  }

  private void requireAtLeast(String option, int value, int minimum) {
    if (value < minimum) {
      throw usage(option + " must be at least " + minimum + " but was " + value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
