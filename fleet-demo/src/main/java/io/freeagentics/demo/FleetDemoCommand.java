package io.freeagentics.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.freeagentics.cli.ProductVersion;
import io.freeagentics.demo.internal.FleetDemoRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa demo}: the main job. Starts the cloud service on embedded defaults (H2, an embedded MQTT broker) and a
 * fleet of simulated edge devices — real edge runtimes on the sim profile — lets them tick and sync for a while
 * (with {@code --chaos}: host processes killed and broker connections cut at random moments), then counts at both
 * ends what was published, persisted, lost and duplicated, and the end-to-end latency.
 */
@Command(name = "fa demo", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class,
    sortOptions = false, description = {
        "Runs the cloud service on embedded defaults (H2, an embedded MQTT broker: no external service) and N "
            + "simulated edge devices (real edge runtimes on the sim profile, in a few host processes) that tick and "
            + "sync their beliefs to the cloud over MQTT.",
        "Progress every 2 s; at the end a summary: belief messages published (committed by the devices), persisted "
            + "(stored by the cloud), lost, duplicates after dedupe, end-to-end latency p50/p99 from the edge tick to "
            + "the cloud's commit.",
        "Exit status 0 when nothing was lost or duplicated, 1 otherwise."})
public final class FleetDemoCommand implements Callable<Integer> {
  /** The default run folder: {@code FA_DEMO_DATA} (./fa sets .fa/demo/latest of the repository), else here. */
  static Path defaultData() {
    String given = System.getenv("FA_DEMO_DATA");
    return given != null && !given.isBlank() ? Path.of(given) : Path.of(".fa", "demo", "latest");
  }

  @Option(names = "--devices", defaultValue = "50", paramLabel = "N",
      description = "Simulated edge devices (default: ${DEFAULT-VALUE}).")
  private int devices;

  @Option(names = "--agents", defaultValue = "25", paramLabel = "A",
      description = "Agents per device (default: ${DEFAULT-VALUE}).")
  private int agents;

  @Option(names = "--duration", defaultValue = "30", paramLabel = "S",
      description = "Seconds the fleet ticks (default: ${DEFAULT-VALUE}).")
  private long duration;

  @Option(names = "--tick-ms", defaultValue = "1000", paramLabel = "MS",
      description = "Tick interval of every device (default: ${DEFAULT-VALUE}).")
  private long tickMillis;

  @Option(names = "--hosts", paramLabel = "H",
      description = "Fleet host processes (default: one per 250 devices, at most 8).")
  private Integer hosts;

  @Option(names = "--chaos", description = "Kill fleet hosts (SIGKILL) and cut broker connections at random moments.")
  private boolean chaos;

  @Option(names = "--model", defaultValue = "grid:5", paramLabel = "MODEL",
      description = "The devices' model: grid:N, tmaze or a model file (default: ${DEFAULT-VALUE}).")
  private String model;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the worlds and of chaos (default: "
      + "${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--data", paramLabel = "DIR", description = "Run folder, must be empty or absent (default: "
      + ".fa/demo/latest, cleared at start).")
  private Path data;

  @Option(names = "--json", description = "Print the summary as one JSON object on stdout (progress stays on "
      + "stderr).")
  private boolean json;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dataDir = data != null ? data : defaultData();
    DemoOptions options;
    try {
      options = new DemoOptions(devices, agents, duration, tickMillis,
          hosts != null ? hosts : DemoOptions.defaultHosts(devices), chaos, seed, model, dataDir);
      prepare(dataDir, data == null);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    System.setProperty("fa.demo.log", dataDir.resolve("logs").resolve("cloud.log").toString());
    PrintStream progress = System.err;
    DemoSummary summary = new FleetDemoRun(options, System.getenv("FA_DEMO_EDGE_CLASSPATH"), progress).run();
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(summary.fields()));
    } else {
      System.out.print(summary.text());
    }
    System.out.flush();
    return summary.lost() == 0 && summary.duplicates() == 0 && summary.eventsLost() == 0 ? 0 : 1;
  }

  /** Clears the default run folder; a folder the user named must be empty or absent. */
  private static void prepare(Path dir, boolean isDefault) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--data " + dir + " is not a folder");
    }
    if (!isDefault) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--data " + dir + " is not empty: give an empty or new folder");
        }
      }
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  public static void main(String[] args) {
    System.setProperty("logback.configurationFile", "fa-demo-logback.xml");
    System.exit(new CommandLine(new FleetDemoCommand()).execute(args));
  }
}
