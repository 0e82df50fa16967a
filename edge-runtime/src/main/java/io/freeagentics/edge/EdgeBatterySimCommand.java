package io.freeagentics.edge;

import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.ProfileException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import io.freeagentics.cli.ProductVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa edge battery-sim --profile P [--hours H]}: simulated battery life of a profile with power-aware tick
 * throttling against a fixed tick rate at the profile's shortest interval. The busy time per tick is measured by
 * running real ticks of the runtime here (sensors, inference, commit) unless {@code --active-ms} gives it.
 */
@Command(name = "battery-sim", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    description = {"Simulates the battery life of a profile: throttled ticks (EdgeTickPolicy) vs a fixed rate at the "
        + "profile's shortest tick interval. Prints both.",
        "The busy time of a tick is measured on this machine by running ticks of the runtime with the given model and "
            + "agents (a board is slower: give its measured figure with --active-ms)."})
public final class EdgeBatterySimCommand implements Callable<Integer> {
  private static final int MEASURED_TICKS = 200;

  @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "Device profile id or file.")
  private String profileName;

  @Option(names = "--hours", defaultValue = "1000", paramLabel = "H",
      description = "Longest span to simulate, in hours (default: ${DEFAULT-VALUE}).")
  private double hours;

  @Option(names = "--active-ms", paramLabel = "MS", description = "Busy time per tick in ms (default: measured).")
  private Double activeMs;

  @Option(names = "--model", defaultValue = "grid:5", paramLabel = "MODEL",
      description = "Model of the measured ticks (default: ${DEFAULT-VALUE}).")
  private String modelName;

  @Option(names = "--agents", paramLabel = "N", description = "Agents of the measured ticks (default: the "
      + "profile's maxAgents).")
  private Integer agents;

  @Option(names = "--temperature", defaultValue = "45", paramLabel = "C",
      description = "Board temperature during the simulation, °C (default: ${DEFAULT-VALUE}).")
  private double temperature;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(hours > 0) || (activeMs != null && !(activeMs >= 0)) || (agents != null && agents < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "need --hours > 0, --active-ms >= 0, --agents >= 1");
    }
    DeviceProfile profile;
    try {
      profile = ProfileSupport.load(profileName);
    } catch (ProfileException e) {
      err.println("fa edge battery-sim: " + e.getMessage());
      return 2;
    }
    EdgeProfileSettings settings = ProfileSupport.settings(profileName, profile);
    Optional<EdgeBatteryModel> battery = settings.battery();
    if (battery.isEmpty()) {
      err.println("fa edge battery-sim: profile " + profile.id() + " is mains-powered (no battery in its power model)");
      return 2;
    }
    int agentCount = agents != null ? agents : profile.maxAgents();
    double busy;
    String busySource;
    if (activeMs != null) {
      busy = activeMs;
      busySource = "given";
    } else {
      try {
        busy = measureActiveMs(profile, ModelCatalog.resolve(modelName), agentCount);
      } catch (ModelInputException e) {
        err.println("fa edge battery-sim: " + e.getMessage());
        return 2;
      }
      busySource = String.format("measured here over %d ticks of %s with %d agents", MEASURED_TICKS, modelName,
          agentCount);
    }
    EdgeTickPolicy policy = settings.tickPolicy();
    EdgeBatterySimulation simulation = new EdgeBatterySimulation(battery.get(), policy, busy, temperature);
    EdgeBatteryReport fixed = simulation.fixedRate(hours);
    EdgeBatteryReport throttled = simulation.throttled(hours);
    out.printf("profile %s: battery %.2f Wh, idle %.0f mA, active %.0f mA at %.1f V; ticks %d..%d ms; busy %.2f ms per "
        + "tick (%s)%n", profile.id(), battery.get().batteryWh(), battery.get().idleDrawMa(),
        battery.get().activeDrawMa(), battery.get().supplyVoltageV(), policy.minMs(), policy.maxMs(), busy, busySource);
    out.println(line("fixed rate", fixed));
    out.println(line("throttled", throttled));
    out.printf("throttling: %+.1f%% battery life%n", 100 * (throttled.hours() / fixed.hours() - 1));
    out.flush();
    return 0;
  }

  private static String line(String name, EdgeBatteryReport report) {
    return String.format("%-10s %8.2f h%s, %d ticks, mean interval %.0f ms", name, report.hours(),
        report.emptied() ? "" : " (battery not empty at the end of the span)", report.ticks(), report.meanIntervalMs());
  }

  /** Mean wall time of a full runtime tick here: Pi4J mock I/O, inference, commit to a scratch database. */
  private static double measureActiveMs(DeviceProfile profile, GenerativeModel model, int agentCount)
      throws IOException, EdgeStoreException {
    Path scratch = Files.createTempDirectory("fa-edge-battery-sim");
    try {
      try (EdgeStateStore store = EdgeStateStore.open(scratch.resolve("edge.db"), EdgeStoreConfig.defaults());
          EdgeRuntime runtime = new EdgeRuntime(new EdgeRuntimeConfig(agentCount, MEASURED_TICKS, profile.engine(), 1,
              1, false, 86_400_000L), model, store, new EdgeSimulatedIo(model, agentCount, 1),
              new EdgeSystemPower(scratch), new EdgeTickPolicy(1, 1), new PrintStream(OutputStream.nullOutputStream()))) {
        long started = System.nanoTime();
        runtime.run();
        return (System.nanoTime() - started) / 1e6 / MEASURED_TICKS;
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
