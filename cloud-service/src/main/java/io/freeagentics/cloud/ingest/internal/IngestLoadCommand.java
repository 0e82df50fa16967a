package io.freeagentics.cloud.ingest.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.freeagentics.cloud.beliefs.BeliefCacheConfig;
import io.freeagentics.cloud.beliefs.BeliefCacheInvalidation;
import io.freeagentics.cloud.beliefs.BeliefCacheInvalidationStats;
import io.freeagentics.cloud.beliefs.CachedBeliefQueries;
import io.freeagentics.cloud.beliefs.JdbcBeliefQueries;
import io.freeagentics.cloud.cache.CacheConfig;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.freeagentics.cloud.ingest.BeliefsListener;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.ingest.IngestStatsSnapshot;
import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.flywaydb.core.Flyway;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load generator for the ingest: simulated devices publish beliefs snapshots over MQTT to the real broker, and
 * in-process ingest instances (the service's own consumers, writer and acknowledgement publisher) store them in
 * H2 or PostgreSQL. Reports agent-belief updates persisted per second, messages lost (published but not stored),
 * duplicates dropped and the latency from the edge tick (header timestampMillis) to the commit.
 *
 * <p>Closed loop by default: each device publishes its next message as soon as the cloud acknowledged the previous
 * one (the most the ingest sustains without the broker's per-client queue limit dropping messages); with
 * {@code --rate R} each device publishes R messages per second regardless of acknowledgements, as devices do.
 */
@Command(name = "ingest-load", mixinStandardHelpOptions = true,
    description = "Ingest throughput: simulated devices publish beliefs over MQTT, in-process ingest instances "
        + "store them; prints agent-belief updates persisted per second, lost, duplicates, latency p50/p99.")
public final class IngestLoadCommand implements Callable<Integer> {
  @Option(names = "--devices", defaultValue = "1000", description = "simulated devices (default ${DEFAULT-VALUE})")
  int devices;
  @Option(names = "--agents", defaultValue = "25", description = "agents per device, grid:5 beliefs (default "
      + "${DEFAULT-VALUE})")
  int agents;
  @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default ${DEFAULT-VALUE})")
  int seconds;
  @Option(names = "--warmup", defaultValue = "5", description = "seconds before measuring (default ${DEFAULT-VALUE})")
  int warmup;
  @Option(names = "--rate", defaultValue = "0", description = "messages per device per second; 0 = closed loop "
      + "(next message when the previous was acknowledged) (default ${DEFAULT-VALUE})")
  double rate;
  @Option(names = "--jdbc-url", defaultValue = "jdbc:h2:mem:ingestload;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
      + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", description = "database (default H2 in memory); "
      + "PostgreSQL e.g. jdbc:postgresql://127.0.0.1:5432/test (a fresh schema is created and dropped)")
  String jdbcUrl;
  @Option(names = "--jdbc-user", defaultValue = "sa", description = "database user (default ${DEFAULT-VALUE})")
  String jdbcUser;
  @Option(names = "--mqtt", defaultValue = "tcp://127.0.0.1:1883", description = "broker (default ${DEFAULT-VALUE})")
  String mqtt;
  @Option(names = "--instances", defaultValue = "1", description = "ingest instances in the shared group (default "
      + "${DEFAULT-VALUE})")
  int instances;
  @Option(names = "--clients", defaultValue = "4", description = "MQTT connections per instance (default "
      + "${DEFAULT-VALUE})")
  int clients;
  @Option(names = "--publishers", defaultValue = "4", description = "publishing connections (default "
      + "${DEFAULT-VALUE})")
  int publishers;
  @Option(names = "--writers", defaultValue = "2", description = "writer threads per instance (default "
      + "${DEFAULT-VALUE})")
  int writers;
  @Option(names = "--max-batch", defaultValue = "1000", description = "messages per transaction at most (default "
      + "${DEFAULT-VALUE})")
  int maxBatch;
  @Option(names = "--belief-cache", description = "invalidate the belief read cache on this Redis (e.g. "
      + "redis://127.0.0.1:6379) for every stored batch, as the service does (default: no cache)")
  String beliefCache;

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestLoadCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (devices < 1 || agents < 1 || seconds < 1 || warmup < 0 || rate < 0 || instances < 1 || publishers < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--devices, --agents, --seconds, "
          + "--instances and --publishers must be positive, --warmup and --rate not negative");
    }
    String run = Long.toString(System.currentTimeMillis(), 36);
    String fleet = "load-" + run;
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    String schema = "fa_load_" + run;
    if (postgres) {
      execute("CREATE SCHEMA " + schema);
    }
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(postgres ? jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
        + "&reWriteBatchedInserts=true" : jdbcUrl);
    pool.setUsername(jdbcUser);
    pool.setMaximumPoolSize(2 * instances + 2);
    List<IngestRuntime> running = new ArrayList<>();
    MqttAsyncClient[] clientsOut = new MqttAsyncClient[publishers];
    try (HikariDataSource database = new HikariDataSource(pool)) {
      Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
      MqttSettings settings = new MqttSettings(mqtt, null, null, "fa-load-" + run, 1000, 10);
      for (int i = 0; i < instances; i++) {
        running.add(new IngestRuntime(settings, new IngestSettings("fa-load-" + run + "-" + i, clients, 20_000,
            maxBatch, 64, 100_000, 4, 256L << 20, 200_000, fleet, writers), database, beliefCache,
            "fa:load:" + run + ":" + i + ":"));
      }
      for (IngestRuntime runtime : running) {
        if (!runtime.ingest.awaitSubscribed(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("ingest did not subscribe to " + mqtt + " within 30 s");
        }
      }
      System.out.printf(Locale.ROOT, "ingest-load: %d devices x %d agents (grid:5), %s, %d ingest instance(s) x %d "
          + "clients, %d writers, %d publishers, %s%n", devices, agents, rate == 0 ? "closed loop" : rate
          + " msg/s per device", instances, clients, writers, publishers, postgres ? "PostgreSQL " + jdbcUrl : "H2 " + jdbcUrl);

      BeliefSet[] frames = templates();
      AtomicLongArray nextSequence = new AtomicLongArray(devices);
      AtomicLongArray acked = new AtomicLongArray(devices);
      AtomicLong published = new AtomicLong();
      Semaphore window = new Semaphore(devices);
      Semaphore[] inflight = new Semaphore[publishers];
      for (int p = 0; p < publishers; p++) {
        clientsOut[p] = new MqttAsyncClient(mqtt, "fa-load-" + run + "-pub-" + p, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        clientsOut[p].connect(options).waitForCompletion(10_000);
        inflight[p] = new Semaphore(999);
      }
      clientsOut[0].subscribe("fa/v1/" + fleet + "/+/ack", 1, (topic, message) -> {
        Acknowledgement ack = (Acknowledgement) WireCodec.decode(message.getPayload());
        int device = Integer.parseInt(topic.split("/")[3].substring(1));
        acked.accumulateAndGet(device, ack.acknowledgedSequence(), Math::max);
        window.release();
      }).waitForCompletion(10_000);

      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(warmup + seconds);
      long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
      IngestStatsSnapshot atStart = null;
      long atStartNanos = 0;
      long nextReport = start + TimeUnit.SECONDS.toNanos(1);
      long previousUpdates = 0;
      double intervalNanos = rate == 0 ? 0 : 1e9 / (rate * devices);
      long sent = 0;
      while (System.nanoTime() < end) {
        int device = (int) (sent % devices);
        if (rate == 0) {
          if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            publish(clientsOut, inflight, fleet, device, nextSequence.incrementAndGet(device), frames, published);
            sent++;
          }
        } else {
          long due = start + (long) (sent * intervalNanos);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, 50_000_000));
            if (System.nanoTime() < due) {
              continue;
            }
          }
          publish(clientsOut, inflight, fleet, device, nextSequence.incrementAndGet(device), frames, published);
          sent++;
        }
        long now = System.nanoTime();
        if (atStart == null && now >= measureFrom) {
          atStart = total(running);
          atStartNanos = now;
        }
        if (now >= nextReport) {
          IngestStatsSnapshot stats = total(running);
          System.out.printf(Locale.ROOT, "  %5.1f s  published %,9d  persisted %,9d msgs  %,10d agent updates/s  "
              + "queued %,6d%n", (now - start) / 1e9, published.get(), stats.persisted(),
              stats.agentUpdatesPersisted() - previousUpdates, stats.queued());
          previousUpdates = stats.agentUpdatesPersisted();
          nextReport += TimeUnit.SECONDS.toNanos(1);
        }
      }
      IngestStatsSnapshot atEnd = total(running);
      long endNanos = System.nanoTime();
      System.out.println("  publishing stopped; waiting for the ingest to store what was published ...");
      long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      long stored = 0;
      while (System.nanoTime() < drainDeadline) {
        stored = count(database, "SELECT COUNT(*) FROM belief_message WHERE fleet = '" + fleet + "'");
        if (stored >= published.get()) {
          break;
        }
        Thread.sleep(200);
      }
      IngestStatsSnapshot done = total(running);
      long distinct = count(database, "SELECT COUNT(*) FROM (SELECT DISTINCT fleet, device, sequence FROM "
          + "belief_message WHERE fleet = '" + fleet + "') k");
      long historyRows = count(database, "SELECT COUNT(*) FROM belief_history WHERE fleet = '" + fleet + "'");
      double measured = (endNanos - atStartNanos) / 1e9;
      long updates = atEnd.agentUpdatesPersisted() - atStart.agentUpdatesPersisted();
      long messages = atEnd.persisted() - atStart.persisted();
      System.out.printf(Locale.ROOT, "Summary%n  measured          %.1f s after %d s warm-up%n"
          + "  persisted         %,.0f agent-belief updates/s (%,.0f beliefs messages/s of %d agents)%n"
          + "  published         %,d messages%n  stored            %,d messages (%,d distinct), %,d history rows%n"
          + "  lost              %,d%n  duplicates        %,d dropped after dedupe, %,d stored twice%n"
          + "  latency tick->db  p50 %d ms, p99 %d ms, max %d ms (whole run)%n"
          + "  acks              %,d published, %,d dropped%n", measured, warmup, updates / measured,
          messages / measured, agents, published.get(), stored, distinct, historyRows, published.get() - distinct,
          done.duplicatesDropped(), stored - distinct, done.latencyP50Millis(), done.latencyP99Millis(),
          done.latencyMaxMillis(), done.acksPublished(), done.acksDropped());
      for (IngestRuntime runtime : running) {
        if (runtime.invalidation != null) {
          BeliefCacheInvalidationStats cache = runtime.invalidation.stats();
          System.out.printf(Locale.ROOT, "  belief cache      %,d batches, %,d invalidation runs, %,d devices, "
              + "%,d acked before their invalidation, %.0f us per run%n", cache.batches(), cache.runs(),
              cache.devices(), cache.notWaited(), cache.runs() == 0 ? 0.0 : (double) cache.runMicros() / cache.runs());
        }
      }
      for (MqttAsyncClient client : clientsOut) {
        client.disconnect().waitForCompletion(5000);
        client.close();
      }
      for (IngestRuntime runtime : running) {
        runtime.close();
        runtime.clearSessions(settings);
      }
      running.clear();
      return published.get() == distinct ? 0 : 1;
    } finally {
      for (IngestRuntime runtime : running) {
        runtime.close();
      }
      if (postgres) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private void publish(MqttAsyncClient[] out, Semaphore[] inflight, String fleet, int device, long sequence,
      BeliefSet[] frames, AtomicLong published) throws MqttException, InterruptedException {
    int p = device % out.length;
    byte[] frame = stamp(frames[(int) (sequence % frames.length)], "d" + device, sequence);
    inflight[p].acquire();
    try {
      out[p].publish("fa/v1/" + fleet + "/d" + device + "/beliefs", frame, 1, false, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          inflight[p].release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          inflight[p].release();
          System.err.println("publish failed: " + failure);
        }
      });
    } catch (MqttException e) {
      inflight[p].release();
      throw e;
    }
    published.incrementAndGet();
  }

  /** Snapshot belief sets of {@code agents} agents, settled grid:5 beliefs at varying cells. */
  private BeliefSet[] templates() {
    BeliefSet[] frames = new BeliefSet[16];
    for (int t = 0; t < frames.length; t++) {
      List<AgentBeliefs> list = new ArrayList<>();
      for (int a = 0; a < agents; a++) {
        double[] p = new double[25];
        Arrays.fill(p, (0.1 + 0.05 * (t % 3)) / 24);
        p[(a * 3 + t) % 25] = 0.9 - 0.05 * (t % 3);
        list.add(new AgentBeliefs(a, t + 1L, List.of(BeliefCodes.quantize(p))));
      }
      frames[t] = new BeliefSet(List.of(25), list);
    }
    return frames;
  }

  /**
   * The frame of a template's beliefs with this device, sequence and the current time (as a device stamps its
   * tick); every agent's tick is the sequence, so each message is a new tick of every agent.
   */
  private static byte[] stamp(BeliefSet template, String device, long sequence) {
    List<AgentBeliefs> ticked = new ArrayList<>(template.agents().size());
    for (AgentBeliefs agent : template.agents()) {
      ticked.add(new AgentBeliefs(agent.agentId(), sequence, agent.factors()));
    }
    return WireCodec.encode(new BeliefSnapshot(new MessageHeader(device, sequence, System.currentTimeMillis()),
        new BeliefSet(template.numStates(), ticked)));
  }

  private static IngestStatsSnapshot total(List<IngestRuntime> running) {
    long[] sum = new long[16];
    long p50 = 0;
    long p99 = 0;
    long max = 0;
    for (IngestRuntime runtime : running) {
      IngestStatsSnapshot s = runtime.stats.snapshot();
      long[] v = {s.received(), s.persisted(), s.agentUpdatesPersisted(), s.duplicatesDropped(),
          s.deltasWithoutBase(), s.decodeErrors(), s.reports(), s.events(), s.reportRetries(), s.writeRetries(),
          s.acksPublished(), s.acksDropped(), s.queued()};
      for (int i = 0; i < v.length; i++) {
        sum[i] += v[i];
      }
      p50 = Math.max(p50, s.latencyP50Millis());
      p99 = Math.max(p99, s.latencyP99Millis());
      max = Math.max(max, s.latencyMaxMillis());
    }
    return new IngestStatsSnapshot(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8], sum[9],
        sum[10], sum[11], sum[12], p50, p99, max);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, jdbcUser, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(javax.sql.DataSource database, String sql) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** One in-process ingest (as the service runs it) with a registry that only counts. */
  private static final class IngestRuntime implements AutoCloseable {
    final io.freeagentics.cloud.ingest.IngestStats stats = new io.freeagentics.cloud.ingest.IngestStats();
    final MqttPublisher publisher;
    final MqttIngest ingest;
    final IngestSettings settings;
    final TwoLevelCaches caches;
    final BeliefCacheInvalidation invalidation;

    IngestRuntime(MqttSettings mqtt, IngestSettings settings, javax.sql.DataSource database, String beliefCache,
        String keyPrefix) throws MqttException {
      this.settings = settings;
      this.publisher = new MqttPublisher(mqtt, settings.clientId() + "-out");
      List<BeliefsListener> listeners = List.of();
      if (beliefCache == null) {
        this.caches = null;
        this.invalidation = null;
      } else {
        CacheConfig cacheConfig = CacheConfig.defaults().withKeyPrefix(keyPrefix);
        BeliefCacheConfig config = BeliefCacheConfig.defaults();
        this.caches = TwoLevelCaches.open(cacheConfig, Optional.of(beliefCache));
        this.invalidation = new BeliefCacheInvalidation(new CachedBeliefQueries(new JdbcBeliefQueries(database),
            caches, cacheConfig, config), config.invalidationWait());
        listeners = List.of(invalidation);
      }
      this.ingest = new MqttIngest(mqtt, settings, database, new CountingReports(), publisher, stats, listeners);
    }

    void clearSessions(MqttSettings mqtt) throws MqttException {
      for (int i = 0; i < settings.clients(); i++) {
        org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient(mqtt.uri(),
            settings.clientId() + "-" + i, new MemoryPersistence());
        client.connect(mqtt.connectOptions(true));
        client.disconnect();
        client.close();
      }
    }

    @Override
    public void close() {
      ingest.close();
      publisher.close();
      if (invalidation != null) {
        invalidation.close();
        caches.close();
      }
    }
  }

  /** The load has no device registry: reports are only counted by the ingest's own statistics. */
  private static final class CountingReports implements DeviceReports {
    @Override
    public void seen(String fleet, String device, long receivedAtMillis) {
    }

    @Override
    public void telemetry(String fleet, String device, Telemetry telemetry, long receivedAtMillis) {
    }

    @Override
    public void presence(String fleet, String device, Presence presence, long receivedAtMillis) {
    }

    @Override
    public void commandAck(String fleet, String device, CommandAck ack, long receivedAtMillis) {
    }
  }
}
