package io.freeagentics.edge;

import io.freeagentics.cli.ProductVersion;
import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.ProfileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fa edge fleet}: runs N simulated edge devices — real edge runtimes on the sim profile, each with its own
 * database and MQTT client — in one JVM, until SIGTERM, the duration, or (with {@code --watch-stdin}) the end of
 * standard input; prints progress to stderr and a summary (text or one JSON object) to stdout.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    description = {"Hosts many simulated edge devices in one JVM: each a real edge runtime (sim profile, simulated "
        + "world, own SQLite database DATA/<id>/edge.db, own MQTT client), ticks on a shared scheduler.",
        "Killing the host and starting it again with the same arguments resumes every device from its database.",
        "Progress on stderr; at the end a summary on stdout (--json: one JSON object)."})
public final class EdgeFleetCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeFleetCommand.class);

  @Option(names = "--devices", required = true, paramLabel = "N", description = "Number of devices.")
  private int devices;

  @Option(names = "--mqtt", paramLabel = "URI", description = "MQTT broker (tcp://host:port); needs --fleet. "
      + "Without it the devices run offline (messages stay in their outboxes).")
  private String mqtt;

  @Option(names = "--fleet", paramLabel = "F", description = "Fleet: topics are fa/v1/F/DEVICE/KIND.")
  private String fleet;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of the devices' databases.")
  private Path data;

  @Option(names = "--agents", defaultValue = "25", paramLabel = "A",
      description = "Agents per device (default: ${DEFAULT-VALUE}).")
  private int agents;

  @Option(names = "--model", defaultValue = "grid:5", paramLabel = "MODEL",
      description = "Built-in model (grid:N, tmaze) or a model JSON file (default: ${DEFAULT-VALUE}).")
  private String modelName;

  @Option(names = "--profile", defaultValue = "sim", paramLabel = "PROFILE",
      description = "Device profile of every device (default: ${DEFAULT-VALUE}).")
  private String profileName;

  @Option(names = "--tick-ms", defaultValue = "1000", paramLabel = "T",
      description = "Tick interval in ms (the fastest the tick policy uses) (default: ${DEFAULT-VALUE}).")
  private long tickMs;

  @Option(names = "--duration", defaultValue = "0", paramLabel = "S",
      description = "Stop after S seconds; 0 = until SIGTERM (default: ${DEFAULT-VALUE}).")
  private long durationSeconds;

  @Option(names = "--id-prefix", defaultValue = "sim-", paramLabel = "P",
      description = "Device ids are P0001, P0002, ... (default: ${DEFAULT-VALUE}); give each host its own.")
  private String idPrefix;

  @Option(names = "--first-index", defaultValue = "1", paramLabel = "I",
      description = "Index of the first device (default: ${DEFAULT-VALUE}).")
  private int firstIndex;

  @Option(names = "--tick-threads", defaultValue = "2", paramLabel = "N",
      description = "Threads that run all devices' ticks (default: ${DEFAULT-VALUE}).")
  private int tickThreads;

  @Option(names = "--durability", defaultValue = "NORMAL", paramLabel = "MODE",
      description = "SQLite synchronous mode of every device: NORMAL (nothing lost on kill -9, no fsync per tick) "
          + "or FULL (default: ${DEFAULT-VALUE}).")
  private EdgeDurability durability;

  @Option(names = "--outbox-capacity", defaultValue = "1000", paramLabel = "N",
      description = "Outbox bound per device (default: ${DEFAULT-VALUE}).")
  private int outboxCapacity;

  @Option(names = "--history", defaultValue = "4", paramLabel = "K",
      description = "Ticks of history per agent (default: ${DEFAULT-VALUE}).")
  private int history;

  @Option(names = "--belief-every-ticks", defaultValue = "1", paramLabel = "N",
      description = "A beliefs message every N ticks (default: ${DEFAULT-VALUE}).")
  private int beliefEveryTicks;

  @Option(names = "--snapshot-every", defaultValue = "50", paramLabel = "N",
      description = "A full snapshot at least every N belief messages (default: ${DEFAULT-VALUE}).")
  private int snapshotEvery;

  @Option(names = "--telemetry-seconds", defaultValue = "10", paramLabel = "S",
      description = "Seconds between telemetry messages (default: ${DEFAULT-VALUE}).")
  private int telemetrySeconds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed; device i uses seed + i (default: "
      + "${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--progress-seconds", defaultValue = "5", paramLabel = "S",
      description = "Seconds between progress lines on stderr (default: ${DEFAULT-VALUE}).")
  private long progressSeconds;

  @Option(names = "--watch-stdin", description = "Also stop when standard input ends (for a supervising process).")
  private boolean watchStdin;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  private boolean json;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if ((mqtt == null) != (fleet == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--mqtt URI and --fleet F go together");
    }
    EdgeFleetConfig config;
    EdgeProfileSettings profile;
    GenerativeModel model;
    try {
      profile = ProfileSupport.settings(profileName, ProfileSupport.load(profileName));
      model = ModelCatalog.resolve(modelName);
    } catch (ProfileException | ModelInputException e) {
      err.println("fa edge fleet: " + e.getMessage());
      return 2;
    }
    try {
      Optional<EdgeMqttConfig> mqttConfig = mqtt == null ? Optional.empty()
          : Optional.of(EdgeMqttConfig.of(mqtt, fleet).withPollMillis(Math.max(1000, 5 * tickMs)));
      EdgeUplinkConfig uplink = EdgeUplinkConfig.defaults(profile.id()).withBeliefEveryTicks(beliefEveryTicks)
          .withSnapshotEveryMessages(snapshotEvery).withTelemetryEverySeconds(telemetrySeconds).withRecentBeliefs(16);
      EdgeStoreConfig store = new EdgeStoreConfig(history, outboxCapacity, EdgeStoreConfig.defaults().maxAttempts(),
          durability);
      if (durationSeconds < 0) {
        throw new IllegalArgumentException("--duration must not be negative but was " + durationSeconds);
      }
      config = new EdgeFleetConfig(devices, firstIndex, idPrefix, data, agents, tickMs, store, uplink, mqttConfig,
          seed, tickThreads, progressSeconds);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintStream progress = System.err;
    progress.printf("fleet host: starting %d devices %s..%s (%s, %d agents, %s, tick %d ms) in %s%s%n", devices,
        config.deviceId(0), config.deviceId(devices - 1), profile.id(), agents, modelName, tickMs, data,
        mqtt == null ? ", offline" : ", syncing to " + mqtt + " fleet " + fleet);
    progress.flush();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    EdgeFleetHost host = EdgeFleetHost.create(config, model, profile);
    Thread hook = new Thread(() -> {
      host.requestStop();
      stop.countDown();
      try {
        finished.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "fleet-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    if (watchStdin) {
      Thread stdin = new Thread(() -> {
        try (InputStream in = System.in) {
          while (in.read() >= 0) {
            // Only the end of input matters.
          }
        } catch (IOException e) {
          LOG.warn("standard input failed ({}): stopping", e.getMessage());
        }
        host.requestStop();
        stop.countDown();
      }, "fleet-stdin");
      stdin.setDaemon(true);
      stdin.start();
    }
    try {
      host.open(progress);
      long deadline = durationSeconds == 0 ? Long.MAX_VALUE
          : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
      while (!stop.await(Math.min(TimeUnit.SECONDS.toNanos(progressSeconds),
          Math.max(1, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
        progress.println(host.progressLine());
        progress.flush();
        if (System.nanoTime() >= deadline) {
          break;
        }
      }
      progress.println("fleet host: stopping");
      progress.flush();
      EdgeFleetSummary summary = host.stop();
      System.out.println(json ? summary.toJson() : summary.describe());
      System.out.flush();
      return summary.devicesFailed() == 0 ? 0 : 1;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        LOG.debug("shutdown in progress, hook stays", shuttingDown);
      }
    }
  }
}
