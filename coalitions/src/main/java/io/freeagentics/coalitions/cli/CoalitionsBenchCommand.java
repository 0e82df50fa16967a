package io.freeagentics.coalitions.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.CoalitionFormation;
import io.freeagentics.coalitions.CoalitionStructure;
import io.freeagentics.coalitions.workload.CityWorkload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fa coalitions bench}: wall time of a full formation, or of incremental rounds. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Times coalition formation on random agents uniform in a disc around Berlin at a fixed density (the disc "
            + "grows with --agents; 100,000 agents at 50/km^2 fill a disc of 25.2 km radius).",
        "Full mode: --warmup untimed formations, then --repeat timed ones; prints the median (ms), the number of "
            + "coalitions of two or more agents and the total value.",
        "--incremental: one full formation, then --warmup untimed and --rounds timed rounds, each moving a share "
            + "--moved of the agents by up to --move-km and repairing (put + repair timed); prints the median round, "
            + "then compares the final structure with a full rebuild.",
        "JSON keys: agents, ms, coalitions, value, singletons, mean_size, ms_runs, cpu_ms, ... (ms = median wall "
            + "time; cpu_ms = median CPU time: of the process for a full formation, which uses every core, of the "
            + "calling thread for an incremental round)."})
final class CoalitionsBenchCommand extends CoalitionsSubcommand {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  @Option(names = "--agents", defaultValue = "100000", description = "Number of agents (default: ${DEFAULT-VALUE}).")
  private int agents;

  @Option(names = "--density", defaultValue = "50", description = "Agents per km^2 (default: ${DEFAULT-VALUE}).")
  private double density;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the agents and moves (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--incremental", description = "Time incremental rounds instead of full formations.")
  private boolean incremental;

  @Option(names = "--moved", defaultValue = "0.01", description = "Share of agents moved per incremental round (default: ${DEFAULT-VALUE}).")
  private double moved;

  @Option(names = "--move-km", defaultValue = "0.5", description = "Largest move of an agent in km (default: ${DEFAULT-VALUE}).")
  private double moveKm;

  @Option(names = "--warmup", defaultValue = "-1", description = "Untimed runs first (default: 2 up to 200,000 agents, else 0).")
  private int warmup;

  @Option(names = "--repeat", defaultValue = "-1", description = "Timed full formations (default: 3 up to 200,000 agents, else 1).")
  private int repeat;

  @Option(names = "--rounds", defaultValue = "10", description = "Timed incremental rounds (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--json", description = "Print one JSON object (progress still goes to stderr).")
  private boolean json;

  @Mixin
  private ConfigOptions configOptions;

  @Override
  int run(PrintWriter out, PrintWriter err) throws Exception {
    CoalitionConfig config;
    CityWorkload workload;
    try {
      List<String> problems = new ArrayList<>();
      if (agents < 1 || agents > 10_000_000) {
        problems.add("--agents must be 1..10,000,000, got " + agents);
      }
      if (!(moved > 0 && moved <= 1)) {
        problems.add("--moved must be in (0, 1], got " + moved);
      }
      if (!(moveKm >= 0) || !Double.isFinite(moveKm)) {
        problems.add("--move-km must be a finite number >= 0, got " + moveKm);
      }
      if (rounds < 1 || repeat == 0 || repeat < -1 || warmup < -1) {
        problems.add("--rounds and --repeat must be >= 1 and --warmup >= 0, got " + rounds + ", " + repeat + ", "
            + warmup);
      }
      CoalitionConfig parsed = null;
      try {
        parsed = configOptions.config();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      config = parsed;
      workload = new CityWorkload(CityWorkload.BERLIN_LAT, CityWorkload.BERLIN_LNG, density, config.resolution(), 4,
          12);
    } catch (IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    }
    int warmups = warmup >= 0 ? warmup : (agents <= 200_000 ? 2 : 0);
    int repeats = repeat >= 0 ? repeat : (agents <= 200_000 ? 3 : 1);
    progress(err, String.format(Locale.ROOT, "generating %,d agents within %.1f km of Berlin (%.0f per km^2)...",
        agents, workload.radiusKm(agents), density));
    List<Agent> population = workload.agents(agents, seed);
    CoalitionFormation formation = CoalitionFormation.create(config);
    ObjectNode o = JSON.createObjectNode();
    o.put("agents", agents);
    o.put("mode", incremental ? "incremental" : "full");
    return incremental ? incremental(out, err, o, formation, workload, population, warmups)
        : full(out, err, o, formation, population, warmups, repeats);
  }

  private int full(PrintWriter out, PrintWriter err, ObjectNode o, CoalitionFormation formation,
      List<Agent> population, int warmups, int repeats) throws Exception {
    for (int w = 0; w < warmups; w++) {
      progress(err, String.format(Locale.ROOT, "warm-up formation %d/%d...", w + 1, warmups));
      formation.form(population);
    }
    double[] ms = new double[repeats];
    double[] cpuMs = new double[repeats];
    CoalitionStructure s = null;
    for (int r = 0; r < repeats; r++) {
      progress(err, String.format(Locale.ROOT, "timed formation %d/%d...", r + 1, repeats));
      long c0 = PROCESS.getProcessCpuTime();
      long start = System.nanoTime();
      s = formation.form(population);
      ms[r] = (System.nanoTime() - start) / 1e6;
      cpuMs[r] = (PROCESS.getProcessCpuTime() - c0) / 1e6;
    }
    o.put("cpu_ms", median(cpuMs));
    report(out, o, s, ms, "formation");
    return 0;
  }

  private int incremental(PrintWriter out, PrintWriter err, ObjectNode o, CoalitionFormation formation,
      CityWorkload workload, List<Agent> population, int warmups) throws Exception {
    progress(err, "initial formation...");
    long start = System.nanoTime();
    formation.form(population);
    double formMs = (System.nanoTime() - start) / 1e6;
    Agent[] current = population.toArray(new Agent[0]);
    SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
    int perRound = Math.max(1, (int) Math.round(moved * agents));
    double[] ms = new double[rounds];
    double[] cpuMs = new double[rounds];
    CoalitionStructure s = null;
    int freed = 0;
    for (int r = -warmups; r < rounds; r++) {
      if (r == -warmups || r == 0) {
        progress(err, r < 0 ? "warm-up rounds..." : String.format(Locale.ROOT, "%d timed rounds of %,d moves...",
            rounds, perRound));
      }
      Agent[] moves = new Agent[perRound];
      int[] which = distinct(rng, agents, perRound);
      for (int m = 0; m < perRound; m++) {
        moves[m] = workload.moved(current[which[m]], moveKm, rng);
        current[which[m]] = moves[m];
      }
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (Agent a : moves) {
        formation.put(a);
      }
      s = formation.repair();
      long t1 = System.nanoTime();
      long c1 = THREADS.getCurrentThreadCpuTime();
      if (r >= 0) {
        ms[r] = (t1 - t0) / 1e6;
        cpuMs[r] = (c1 - c0) / 1e6;
        freed += s.round().freedAgents();
      }
    }
    progress(err, "full rebuild of the final positions, for comparison...");
    CoalitionFormation fresh = CoalitionFormation.create(formation.config());
    long rb0 = System.nanoTime();
    CoalitionStructure rebuilt = fresh.form(Arrays.asList(current));
    double rebuildMs = (System.nanoTime() - rb0) / 1e6;
    o.put("moved_per_round", perRound);
    o.put("mean_freed_per_round", (double) freed / rounds);
    o.put("initial_formation_ms", formMs);
    o.put("rebuild_ms", rebuildMs);
    o.put("rebuild_value", rebuilt.totalValue());
    o.put("ratio_to_rebuild", s.totalValue() / rebuilt.totalValue());
    o.put("cpu_ms", median(cpuMs));
    report(out, o, s, ms, "incremental round");
    if (!json) {
      out.printf(Locale.ROOT, "  moved per round     %,d (freed on average %,.0f)%n", perRound,
          (double) freed / rounds);
      out.printf(Locale.ROOT, "  full rebuild        %.1f ms, value %.2f (incremental / rebuild = %.4f)%n",
          rebuildMs, rebuilt.totalValue(), s.totalValue() / rebuilt.totalValue());
      out.flush();
    }
    return 0;
  }

  private static int[] distinct(SplittableRandom rng, int n, int count) {
    // Partial Fisher-Yates over a lazily materialised permutation would need n ints; a rejection set is cheaper.
    java.util.BitSet taken = new java.util.BitSet(n);
    int[] out = new int[count];
    for (int i = 0; i < count; ) {
      int x = rng.nextInt(n);
      if (!taken.get(x)) {
        taken.set(x);
        out[i++] = x;
      }
    }
    return out;
  }

  private void report(PrintWriter out, ObjectNode o, CoalitionStructure s, double[] ms, String what)
      throws Exception {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double median = median(ms);
    int multi = s.coalitionCount();
    double meanSize = multi == 0 ? 0 : (double) (s.agentCount() - s.singletonCount()) / multi;
    o.put("ms", median);
    o.put("ms_min", sorted[0]);
    o.put("ms_max", sorted[sorted.length - 1]);
    ArrayNode runs = o.putArray("ms_runs");
    for (double m : ms) {
      runs.add(Math.round(m * 100) / 100.0);
    }
    o.put("coalitions", multi);
    o.put("value", s.totalValue());
    o.put("singletons", s.singletonCount());
    o.put("mean_size", meanSize);
    o.put("config", configOptions.describe());
    o.put("density_per_km2", density);
    o.put("cores", Runtime.getRuntime().availableProcessors());
    o.put("java", System.getProperty("java.version"));
    if (json) {
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "fa coalitions bench: %,d agents, %s%n", s.agentCount(), configOptions.describe());
      out.printf(Locale.ROOT, "  %-19s %.1f ms median of %d (min %.1f, max %.1f)%n", what, median, ms.length,
          sorted[0], sorted[sorted.length - 1]);
      out.printf(Locale.ROOT, "  cpu time            %.1f ms median (%s)%n", o.get("cpu_ms").asDouble(),
          incremental ? "this thread" : "whole process, all threads");
      out.printf(Locale.ROOT, "  coalitions          %,d of 2+ agents (mean size %.2f), %,d singletons%n", multi,
          meanSize, s.singletonCount());
      out.printf(Locale.ROOT, "  total value         %.2f%n", s.totalValue());
    }
    out.flush();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  private void progress(PrintWriter err, String message) {
    err.println("fa coalitions bench: " + message);
    err.flush();
  }
}
