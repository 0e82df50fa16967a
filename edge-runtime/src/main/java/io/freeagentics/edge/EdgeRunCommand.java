package io.freeagentics.edge;

import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.ProfileException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.freeagentics.cli.ProductVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa edge run}: starts the runtime the way a device does, with a device profile, a model and a data folder
 * holding the state database; resumes from the last committed tick. Stops cleanly on SIGTERM or Ctrl-C (the tick in
 * progress is committed, then a stop event).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    description = {"Runs the edge runtime: sensors -> agents -> actuators -> commit, every tick, until stopped.",
        "I/O (--io): the profile's sensors and actuators through Pi4J on the board; elsewhere, or for the sim "
            + "profile, Pi4J mock inputs and outputs driven by a simulated world of the model (the agents' actions "
            + "change what they observe next). State: DATA/edge.db (SQLite, WAL); a restart resumes from it."})
public final class EdgeRunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeRunCommand.class);
  private static final long STOP_WAIT_SECONDS = 30;
  /** System property naming the profile snapshot the launcher wrote ({@code fa edge jvm-flags --snapshot}). */
  static final String SNAPSHOT_PROPERTY = "fa.edge.profileSnapshot";

  @Option(names = "--profile", required = true, paramLabel = "PROFILE",
      description = "Device profile: a built-in id (rpi-zero-2w, rpi-3b-plus, rpi-4b-2gb|4gb|8gb, rpi-5, cm4, "
          + "generic-aarch64, sim) or a profile JSON file.")
  private String profileName;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "Built-in model (grid:N, tmaze) or a model JSON file.")
  private String modelName;

  @Option(names = "--agents", paramLabel = "N", description = "Number of agents (default: the profile's maxAgents).")
  private Integer agents;

  @Option(names = "--offline", description = "Run without syncing: messages stay in the bounded outbox. One of "
      + "--offline and --mqtt is required.")
  private boolean offline;

  @Option(names = "--mqtt", paramLabel = "URI", description = "Sync the outbox to this MQTT broker "
      + "(tcp://host:port or ssl://host:port), store-and-forward at QoS 1; needs --fleet.")
  private String mqtt;

  @Option(names = "--fleet", paramLabel = "F", description = "Fleet of the device: topics are "
      + "fa/v1/F/DEVICE/KIND (letters, digits, '.', '_', '-').")
  private String fleet;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "edge-data",
      description = "Folder of the state database edge.db (default: ${DEFAULT-VALUE}).")
  private Path data;

  @Option(names = "--ticks", paramLabel = "N", defaultValue = "0",
      description = "Stop after N ticks; 0 = run until stopped (default: ${DEFAULT-VALUE}).")
  private long ticks;

  @Option(names = "--native-dir", paramLabel = "DIR",
      description = "Where sqlite-jdbc extracts its native library (sets org.sqlite.tmpdir; default: java.io.tmpdir)."
          + " Use a folder on an exec-mounted file system when /tmp is mounted noexec.")
  private Path nativeDir;

  @Option(names = "--durability", defaultValue = "FULL", paramLabel = "MODE",
      description = "SQLite synchronous mode: FULL (fsync every tick: nothing committed is lost even when the board "
          + "is unplugged) or NORMAL (a crash loses nothing, a power cut may lose the last ticks; saves an fsync per "
          + "tick) (default: ${DEFAULT-VALUE}).")
  private EdgeDurability durability;

  @Option(names = "--history", defaultValue = "16", paramLabel = "K",
      description = "Ticks of history kept per agent (default: ${DEFAULT-VALUE}).")
  private int history;

  @Option(names = "--outbox-capacity", defaultValue = "1000", paramLabel = "N",
      description = "Messages kept in the outbox before the oldest low-priority ones are dropped (default: "
          + "${DEFAULT-VALUE}).")
  private int outboxCapacity;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Inference threads; 1 = the tick thread only, the smallest footprint (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(names = "--io", defaultValue = "auto", paramLabel = "IO", converter = EdgeIoSelection.Converter.class,
      description = "Sensors and actuators: profile (the profile's wiring through Pi4J; the model must fit it), "
          + "simulated (Pi4J mock I/O driven by a simulated world of the model) or auto: profile on the board when "
          + "the model fits the wiring, simulated otherwise and for the sim profile (default: ${DEFAULT-VALUE}).")
  private EdgeIoSelection io;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated world and the agents' choices "
      + "(default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--battery-start", paramLabel = "SOC", defaultValue = "1.0",
      description = "Initial charge of a simulated battery (profiles whose battery is simulated), 0..1 (default: "
          + "${DEFAULT-VALUE}).")
  private double batteryStart;

  @Option(names = "--belief-every-ticks", defaultValue = "1", paramLabel = "N",
      description = "Spool one beliefs message (all agents) every N committed ticks (default: ${DEFAULT-VALUE}).")
  private int beliefEveryTicks;

  @Option(names = "--snapshot-every", defaultValue = "50", paramLabel = "N",
      description = "Send a full belief snapshot at least every N belief messages; deltas in between when smaller "
          + "(default: ${DEFAULT-VALUE}).")
  private int snapshotEvery;

  @Option(names = "--telemetry-seconds", defaultValue = "10", paramLabel = "S",
      description = "Seconds between telemetry messages (default: ${DEFAULT-VALUE}).")
  private int telemetrySeconds;

  @Option(names = "--report-commits", description = "Print 'committed tick N' after every commit.")
  private boolean reportCommits;

  @Option(names = "--progress-seconds", defaultValue = "5", paramLabel = "S",
      description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
  private long progressSeconds;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (offline == (mqtt != null) || (mqtt != null) != (fleet != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--offline is required unless --mqtt URI and --fleet F are given (not both): offline, messages "
              + "stay in the outbox; with --mqtt they are synced");
    }
    EdgeMqttConfig mqttConfig;
    try {
      mqttConfig = mqtt == null ? null : EdgeMqttConfig.of(mqtt, fleet);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--mqtt/--fleet: " + e.getMessage());
    }
    if (ticks < 0 || history < 1 || outboxCapacity < 1 || threads < 1 || progressSeconds < 1
        || !(batteryStart >= 0 && batteryStart <= 1) || (agents != null && agents < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "need --ticks >= 0, --history >= 1, "
          + "--outbox-capacity >= 1, --threads >= 1, --progress-seconds >= 1, --agents >= 1 and --battery-start in "
          + "[0, 1]");
    }
    if (nativeDir != null) {
      Files.createDirectories(nativeDir);
      System.setProperty("org.sqlite.tmpdir", nativeDir.toAbsolutePath().toString());
    }
    EdgeProfileSettings profile;
    GenerativeModel model;
    try {
      profile = profileSettings();
      model = ModelCatalog.resolve(modelName);
    } catch (ProfileException | ModelInputException | IOException e) {
      err.println("fa edge run: " + e.getMessage());
      return 2;
    }
    int agentCount = agents != null ? agents : profile.maxAgents();
    if (agentCount > profile.maxAgents()) {
      LOG.warn("{} agents exceed the profile {}'s maxAgents {}: check the footprint on the device", agentCount,
          profile.id(), profile.maxAgents());
    }
    EdgeStoreConfig storeConfig = new EdgeStoreConfig(history, outboxCapacity, EdgeStoreConfig.defaults().maxAttempts(),
        durability);
    Path database = data.resolve("edge.db");
    EdgeStateStore store;
    try {
      store = EdgeStateStore.open(database, storeConfig);
    } catch (EdgeStoreException e) {
      err.println("fa edge run: " + e.getMessage() + nativeHint(e));
      return 1;
    }
    Optional<EdgeBatteryModel> battery = profile.battery();
    EdgePowerSource power = battery.isPresent() && profile.batterySimulated()
        ? new EdgeSimulatedBattery(battery.get(), batteryStart) : EdgeSystemPower.ofSystem();
    EdgeRuntimeConfig config = new EdgeRuntimeConfig(agentCount, ticks, profile.engine(), threads, seed,
        reportCommits, TimeUnit.SECONDS.toMillis(progressSeconds));
    EdgeUplinkConfig uplink;
    try {
      uplink = EdgeUplinkConfig.defaults(profile.id()).withBeliefEveryTicks(beliefEveryTicks)
          .withSnapshotEveryMessages(snapshotEvery).withTelemetryEverySeconds(telemetrySeconds);
    } catch (IllegalArgumentException e) {
      closeAfterFailure(store, e);
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--belief-every-ticks/--snapshot-every/--telemetry-seconds: " + e.getMessage());
    }
    PrintStream out = System.out;
    EdgeRuntime runtime;
    try {
      runtime = new EdgeRuntime(config, uplink, model, store, EdgeIoFactory.open(io, profile, model, agentCount,
          seed), power, profile.tickPolicy(), out);
    } catch (IllegalArgumentException | ProfileException | EdgeIoException e) {
      // The database was written for another model or agent layout, the model does not fit the profile's wiring,
      // or the wiring cannot be opened: a user error, named, not a stack trace.
      closeAfterFailure(store, e);
      err.println("fa edge run: " + e.getMessage());
      return 2;
    } catch (EdgeStoreException | RuntimeException e) {
      closeAfterFailure(store, e);
      throw e;
    }
    // The stop hook waits until the final commit is done and the store is closed before the JVM may exit.
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      runtime.requestStop();
      try {
        if (!finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
          LOG.error("the tick loop did not stop within {} s of the stop signal", STOP_WAIT_SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "edge-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      LOG.info("profile {} ({}), model {}, data {}{}", profile.id(), profile.name(), modelName, database,
          store.opening().recoveredFromCorruption() ? " (recovered from a corrupt file)" : "");
      EdgeRunSummary summary;
      EdgeSyncStats syncStats = null;
      try (store; runtime) {
        try (EdgeSync sync = mqttConfig == null ? null : startSync(database, storeConfig, mqttConfig, runtime)) {
          summary = runtime.run();
          if (sync != null) {
            sync.close();
            syncStats = sync.stats();
          }
        }
        out.printf("edge run: %d ticks (%d..%d), %d sensor errors, %d actuator errors, first tick %d ms after launch%s%n",
            summary.ticks(), summary.firstTick(), summary.lastTick(), summary.sensorErrors(),
            summary.actuatorErrors(), summary.jvmStartToFirstTickMs(),
            summary.resumedAfterTick() >= 0 ? ", resumed after tick " + summary.resumedAfterTick() : "");
        if (syncStats != null) {
          out.printf("sync: %d delivered, %d connects, %d connect failures, %d failed attempts, %d dead letters%n",
              syncStats.delivered(), syncStats.connects(), syncStats.connectFailures(), syncStats.failedAttempts(),
              syncStats.deadLettered());
        }
        out.printf("outbox ledger (since the database was created):%n%s", store.ledger().describe());
        out.flush();
      }
    } finally {
      finished.countDown();
      removeHook(hook);
    }
    return 0;
  }

  /**
   * The profile's settings: from the launcher's snapshot (system property {@value #SNAPSHOT_PROPERTY}) when it was
   * written for this profile name, otherwise from the profile itself.
   */
  private EdgeProfileSettings profileSettings() throws ProfileException, IOException {
    String snapshot = System.getProperty(SNAPSHOT_PROPERTY);
    if (snapshot != null) {
      return ProfileSupport.readSnapshot(Path.of(snapshot), profileName);
    }
    return ProfileSupport.settings(profileName, ProfileSupport.load(profileName));
  }

  private static EdgeSync startSync(Path database, EdgeStoreConfig storeConfig, EdgeMqttConfig mqttConfig,
      EdgeRuntime runtime) throws EdgeStoreException {
    EdgeSync sync = EdgeSync.start(database, storeConfig, mqttConfig, runtime.inbound());
    runtime.onCommit(sync::nudge);
    LOG.info("syncing the outbox to {} as fa/v1/{}/{}/...", mqttConfig.serverUri(), mqttConfig.fleet(),
        sync.deviceId());
    return sync;
  }

  private static void closeAfterFailure(EdgeStateStore store, Exception primary) {
    try {
      store.close();
    } catch (EdgeStoreException e) {
      primary.addSuppressed(e);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already shutting down because of the signal: the hook is running and must stay.
      LOG.debug("shutdown in progress, hook stays", shuttingDown);
    }
  }

  private static String nativeHint(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnsatisfiedLinkError || String.valueOf(t.getMessage()).contains("failed to map segment")) {
        return " (sqlite-jdbc could not load its native library from " + System.getProperty("org.sqlite.tmpdir",
            System.getProperty("java.io.tmpdir")) + "; if that folder is mounted noexec, pass --native-dir DIR)";
      }
    }
    return "";
  }
}
