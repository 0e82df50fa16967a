package io.freeagentics.demo.internal;

import io.freeagentics.broker.BrokerPersistence;
import io.freeagentics.broker.EmbeddedBrokerProcess;
import io.freeagentics.broker.EmbeddedBrokerSettings;
import io.freeagentics.cloud.ingest.IngestStatsSnapshot;
import io.freeagentics.demo.DemoOptions;
import io.freeagentics.demo.DemoSummary;
import io.freeagentics.demo.internal.FleetLedgers.DeviceLedger;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One run of the fleet demo, phase by phase: broker, chaos proxy, cloud, fleet hosts; ticking (with chaos if
 * asked) while progress is printed; a clean stop, the drain of what is still spooled, the wait until the cloud has
 * stored everything; then the accounting at both ends.
 *
 * <p>The devices reach the broker through the {@link ChaosProxy} whether chaos is on or not, so both runs take the
 * same path; the cloud connects to the broker directly.
 */
public final class FleetDemoRun {
  /** The fleet every demo device belongs to. */
  public static final String FLEET = "demo";
  private static final long PROGRESS_MILLIS = 2000;
  private static final long SETTLE_MILLIS = 120_000;

  private final DemoOptions options;
  private final String edgeClasspath;
  private final PrintStream progress;

  public FleetDemoRun(DemoOptions options, String edgeClasspath, PrintStream progress) {
    if (edgeClasspath == null || edgeClasspath.isBlank()) {
      throw new IllegalArgumentException("the edge runtime's classpath is missing: run the demo with ./fa demo "
          + "(it sets FA_DEMO_EDGE_CLASSPATH)");
    }
    this.options = options;
    this.edgeClasspath = edgeClasspath;
    this.progress = progress;
  }

  /** Runs the demo and returns what it measured. */
  public DemoSummary run() throws Exception {
    Path data = options.dataDir().toAbsolutePath();
    Path logs = data.resolve("logs");
    Path edgeDir = data.resolve("edge");
    Files.createDirectories(logs);
    say("run folder %s (logs in %s)", data, logs);
    say("starting the embedded MQTT broker...");
    // In-memory persistence: it starts faster and smaller, and chaos strikes the devices and their connections,
    // not the broker (docs/mqtt-broker.md).
    try (EmbeddedBrokerProcess broker = EmbeddedBrokerProcess.start(EmbeddedBrokerSettings.of(0, data.resolve("broker"),
        logs.resolve("broker.log")).withPersistence(BrokerPersistence.MEMORY))) {
      URI brokerUri = broker.uri();
      try (ChaosProxy proxy = ChaosProxy.start(brokerUri.getHost(), brokerUri.getPort())) {
        say("broker at %s; devices connect through a proxy on port %d", brokerUri, proxy.port());
        say("starting the cloud service (H2 in %s)...", data.resolve("cloud"));
        try (DemoCloud cloud = DemoCloud.start(data.resolve("cloud"), brokerUri.toString(), options.model())) {
          say("cloud API at %s", cloud.url());
          return runFleet(cloud, proxy, brokerUri.toString(), edgeDir, logs);
        }
      }
    }
  }

  private DemoSummary runFleet(DemoCloud cloud, ChaosProxy proxy, String brokerUri, Path edgeDir, Path logs)
      throws Exception {
    List<String> fleetArgs = List.of("--mqtt", "tcp://127.0.0.1:" + proxy.port(), "--fleet", FLEET, "--data",
        edgeDir.toString(), "--agents", Integer.toString(options.agents()), "--model", options.model(),
        "--tick-ms", Long.toString(options.tickMillis()), "--seed", Long.toString(options.seed()),
        "--progress-seconds", "10");
    List<String> jvm = List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xss512k", "-Xmx1g");
    int chaosKills = 0;
    long drops;
    long tickStart;
    long tickEnd;
    IngestStatsSnapshot atStart;
    IngestStatsSnapshot atEnd;
    try (FleetHosts hosts = new FleetHosts(edgeClasspath, jvm, options.hosts(), options.devices(), fleetArgs,
        logs)) {
      say("starting %d simulated edge devices (%d agents of %s each, a tick every %d ms) in %d fleet host "
          + "processes...", options.devices(), options.agents(), options.model(), options.tickMillis(),
          options.hosts());
      hosts.startAll();
      atStart = cloud.stats();
      tickStart = System.currentTimeMillis();
      long end = tickStart + options.durationSeconds() * 1000;
      ChaosMonkey monkey = options.chaos() ? ChaosMonkey.start(hosts, proxy, options.seed(), this::say) : null;
      try {
        IngestStatsSnapshot previous = atStart;
        long previousAt = tickStart;
        while (System.currentTimeMillis() < end) {
          Thread.sleep(Math.min(PROGRESS_MILLIS, Math.max(1, end - System.currentTimeMillis())));
          IngestStatsSnapshot now = cloud.stats();
          long at = System.currentTimeMillis();
          say("%3.0f s: %d belief messages stored (%,.0f agent updates/s), %d duplicates dropped, queue %d, "
              + "latency p50 %d ms p99 %d ms%s", (at - tickStart) / 1000.0, now.persisted() - atStart.persisted(),
              (now.agentUpdatesPersisted() - previous.agentUpdatesPersisted()) * 1000.0 / Math.max(1, at - previousAt),
              now.duplicatesDropped() - atStart.duplicatesDropped(), now.queued(), now.latencyP50Millis(),
              now.latencyP99Millis(), hostsDown(hosts));
          previous = now;
          previousAt = at;
        }
      } finally {
        if (monkey != null) {
          monkey.close();
          chaosKills = monkey.kills();
        }
      }
      tickEnd = System.currentTimeMillis();
      atEnd = cloud.stats();
      drops = proxy.dropped();
      say("stopping the fleet (each device finishes its tick and sends what it can)...");
      List<Integer> unclean = hosts.stopAll(60_000);
      if (!unclean.isEmpty()) {
        say("fleet hosts %s did not stop cleanly in time and were killed", unclean);
      }
    }
    List<Path> databases = FleetLedgers.databases(edgeDir);
    long left = OutboxDrain.drain(databases, brokerUri, FLEET, System.currentTimeMillis() + SETTLE_MILLIS, this::say);
    if (left > 0) {
      say("%d messages could not be sent within %d s: they stay in the devices' outboxes", left,
          SETTLE_MILLIS / 1000);
    }
    Map<String, DeviceLedger> ledgers = FleetLedgers.read(edgeDir);
    long produced = ledgers.values().stream().mapToLong(l -> l.produced() + l.eventsProduced()).sum();
    say("waiting for the cloud to store the last messages...");
    CloudLedger stored = awaitCloud(cloud, produced);
    return summarize(ledgers, stored, atStart, atEnd, tickStart, tickEnd, chaosKills, drops);
  }

  /**
   * Waits until the cloud stored {@code produced} messages (belief messages and events), or nothing more arrives for
   * 10 s, polling the counts; then reads the whole ledger once.
   */
  private CloudLedger awaitCloud(DemoCloud cloud, long produced) throws Exception {
    DataSource dataSource = cloud.dataSource();
    long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
    long lastChange = System.currentTimeMillis();
    long lastCount = -1;
    while (true) {
      long queued = cloud.stats().queued();
      long count = CloudLedger.storedMessages(dataSource, FLEET);
      long now = System.currentTimeMillis();
      if (count != lastCount) {
        lastCount = count;
        lastChange = now;
      }
      if ((count >= produced && queued == 0) || now - lastChange > 10_000 || now > deadline) {
        return CloudLedger.read(dataSource, FLEET);
      }
      Thread.sleep(200);
    }
  }

  private DemoSummary summarize(Map<String, DeviceLedger> ledgers, CloudLedger stored, IngestStatsSnapshot atStart,
      IngestStatsSnapshot atEnd, long tickStart, long tickEnd, int kills, long drops) {
    long published = 0;
    long lost = 0;
    long eventsPublished = 0;
    long eventsLost = 0;
    List<String> surplus = new ArrayList<>();
    for (DeviceLedger ledger : ledgers.values()) {
      long persisted = stored.messagesPerDevice().getOrDefault(ledger.device(), 0L);
      published += ledger.produced();
      lost += Math.max(0, ledger.produced() - persisted);
      if (persisted > ledger.produced()) {
        surplus.add(ledger.device() + " (" + persisted + " belief messages stored, " + ledger.produced()
            + " produced)");
      }
      long events = stored.eventsPerDevice().getOrDefault(ledger.device(), 0L);
      eventsPublished += ledger.eventsProduced();
      eventsLost += Math.max(0, ledger.eventsProduced() - events);
      if (events > ledger.eventsProduced()) {
        surplus.add(ledger.device() + " (" + events + " events stored, " + ledger.eventsProduced() + " produced)");
      }
    }
    if (!surplus.isEmpty()) {
      say("WARNING: the cloud stored more than these devices produced: %s", surplus);
    }
    double seconds = (tickEnd - tickStart) / 1000.0;
    long updatesWhileTicking = atEnd.agentUpdatesPersisted() - atStart.agentUpdatesPersisted();
    return new DemoSummary(options.devices(), options.agents(), seconds, published, stored.messages(), lost,
        stored.duplicateMessages() + stored.duplicateAgentTicks(), atEnd.duplicatesDropped(), stored.agentRows(),
        updatesWhileTicking / Math.max(0.001, seconds), stored.latencyQuantile(0.5), stored.latencyQuantile(0.99),
        eventsPublished, stored.events(), eventsLost, kills, drops);
  }

  private static String hostsDown(FleetHosts hosts) {
    List<Integer> stopped = hosts.stopped();
    return stopped.isEmpty() ? "" : ", " + stopped.size() + " fleet host(s) down";
  }

  private void say(String format, Object... args) {
    say(String.format(Locale.ROOT, format, args));
  }

  private void say(String line) {
    synchronized (progress) {
      progress.println("fa demo: " + line);
      progress.flush();
    }
  }
}
