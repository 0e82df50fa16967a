package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.profiles.Engine;
import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefDeltaException;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ProfileOverride;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime and its sync against the real broker ({@link MqttTestBroker}), with a test client playing the cloud: it
 * stores every belief message (a snapshot as it is, a delta applied to the stored base), acknowledges it on
 * {@code .../ack}, and sends commands on {@code .../command}. The device's deltas then build on what the cloud
 * acknowledged, and the cloud's copy of the beliefs is, code for code (threshold 0), the device's final beliefs;
 * each command is answered ACCEPTED then APPLIED or REJECTED with the reason.
 */
class EdgeUplinkIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int AGENTS = 12;
  private static final GenerativeModel MODEL = BuiltInModels.grid(5);

  @TempDir
  Path dir;
  private String fleet;

  @BeforeEach
  void broker() {
    MqttTestBroker.requireReachable();
    fleet = "it-" + UUID.randomUUID();
  }

  /** The cloud side: stores belief messages by sequence, acknowledges them, collects command acks and telemetry. */
  private static final class Cloud implements AutoCloseable {
    final MqttClient client;
    final String prefix;
    final Map<Long, BeliefSet> stored = new ConcurrentHashMap<>();
    final Map<Long, Boolean> isDelta = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<CommandAck> acks = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Telemetry> telemetry = new ConcurrentLinkedQueue<>();
    final AtomicReference<String> problem = new AtomicReference<>();
    final AtomicReference<Long> newest = new AtomicReference<>(-1L);
    final ExecutorService acknowledger = Executors.newSingleThreadExecutor();

    Cloud(String fleet, String device) throws MqttException {
      prefix = "fa/v1/" + fleet + "/" + device + "/";
      client = new MqttClient(MqttTestBroker.uri(), "cloud-" + UUID.randomUUID(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMaxInflight(1000);
      client.connect(options);
      client.subscribe(prefix + "+", 1, (topic, message) -> {
        WireMessage decoded;
        try {
          decoded = WireCodec.decode(message.getPayload());
        } catch (WireFormatException e) {
          if (!topic.endsWith("/events")) {
            problem.compareAndSet(null, "undecodable frame on " + topic + ": " + e.getMessage());
          }
          return;
        }
        if (decoded instanceof BeliefSnapshot || decoded instanceof BeliefDelta) {
          store(decoded);
        } else if (decoded instanceof CommandAck ack) {
          acks.add(ack);
        } else if (decoded instanceof Telemetry t) {
          telemetry.add(t);
        }
      });
    }

    private void store(WireMessage message) {
      long sequence = message.header().sequence();
      if (stored.containsKey(sequence)) {
        acknowledge(sequence);
        return;
      }
      BeliefSet beliefs;
      if (message instanceof BeliefSnapshot snapshot) {
        beliefs = snapshot.beliefs();
      } else {
        BeliefDelta delta = (BeliefDelta) message;
        BeliefSet base = stored.get(delta.baseSequence());
        if (base == null) {
          problem.compareAndSet(null, "delta " + sequence + " names base " + delta.baseSequence()
              + ", which the cloud never stored");
          return;
        }
        try {
          beliefs = delta.applyTo(delta.baseSequence(), base);
        } catch (BeliefDeltaException e) {
          problem.compareAndSet(null, "delta " + sequence + " does not apply: " + e.getMessage());
          return;
        }
      }
      stored.put(sequence, beliefs);
      isDelta.put(sequence, message instanceof BeliefDelta);
      newest.accumulateAndGet(sequence, Math::max);
      acknowledge(sequence);
    }

    /** Acknowledges after storing; from another thread (a QoS 1 publish must not wait on Paho's callback thread). */
    private void acknowledge(long sequence) {
      String device = prefix.split("/")[3];
      acknowledger.execute(() -> {
        try {
          client.publish(prefix + "ack", WireCodec.encode(new Acknowledgement(new MessageHeader(device,
              sequence, System.currentTimeMillis()), sequence)), 1, false);
        } catch (MqttException e) {
          problem.compareAndSet(null, "cannot acknowledge " + sequence + ": " + e.getMessage());
        }
      });
    }

    void command(long id, ProfileOverride action) throws MqttException {
      String device = prefix.split("/")[3];
      client.publish(prefix + "command", WireCodec.encode(new Command(new MessageHeader(device, id,
          System.currentTimeMillis()), id, action)), 1, false);
    }

    @Override
    public void close() throws MqttException {
      acknowledger.shutdownNow();
      client.disconnect();
      client.close();
    }
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private static ProfileOverride override(String key, String value) {
    TreeMap<String, String> settings = new TreeMap<>();
    settings.put(key, value);
    return new ProfileOverride("sim", settings);
  }

  @Test
  void theCloudRebuildsTheDeviceBeliefsFromAcknowledgedDeltasAndCommandsAreAcknowledged() throws Exception {
    Path database = dir.resolve("edge.db");
    String device = "it-dev-" + UUID.randomUUID().toString().substring(0, 8);
    EdgeStoreConfig storeConfig = EdgeStoreConfig.defaults().withDurability(EdgeDurability.NORMAL);
    EdgeUplinkConfig uplink = EdgeUplinkConfig.defaults("sim").withDeltaThresholdCodes(0)
        .withSnapshotEveryMessages(25).withTelemetryEverySeconds(1);
    try (Cloud cloud = new Cloud(fleet, device);
        EdgeStateStore store = EdgeStateStore.open(database, storeConfig, device);
        EdgeRuntime runtime = new EdgeRuntime(new EdgeRuntimeConfig(AGENTS, 0, Engine.FLOAT, 1, 5, false, 60_000),
            uplink, MODEL, store, new EdgeSimulatedIo(MODEL, AGENTS, 5), EdgeTestPower.MAINS,
            new EdgeTickPolicy(20, 1000), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      EdgeSync sync = EdgeSync.start(database, storeConfig, EdgeMqttConfig.of(MqttTestBroker.uri(), fleet),
          runtime.inbound());
      runtime.onCommit(sync::nudge);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread ticking = new Thread(() -> {
        try {
          runtime.run();
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "it-ticks");
      ticking.start();
      try {
        assertThat(await(() -> cloud.isDelta.values().stream().filter(d -> d).count() >= 60
            || cloud.problem.get() != null)).as("deltas arrive").isTrue();
        assertThat(cloud.problem.get()).isNull();
        cloud.command(77, override("tickMinMs", "25"));
        cloud.command(78, override("noSuchKey", "1"));
        assertThat(await(() -> cloud.acks.size() >= 4)).as("command acks arrive").isTrue();
        assertThat(await(() -> !cloud.telemetry.isEmpty())).as("telemetry arrives").isTrue();
      } finally {
        runtime.requestStop();
        ticking.join(WAIT.toMillis());
        sync.close();
      }
      assertThat(failure.get()).isNull();
      assertThat(cloud.problem.get()).isNull();

      long lastTick = store.lastCommittedTick();
      assertThat(await(() -> cloud.stored.values().stream().anyMatch(b -> b.agents().stream()
          .anyMatch(a -> a.tick() == lastTick)))).as("the last tick's beliefs reach the cloud").isTrue();
      BeliefSet cloudCopy = cloud.stored.get(cloud.newest.get());
      List<EdgeCheckpoint> device0 = store.checkpoints();
      assertThat(cloudCopy.agents()).hasSize(AGENTS);
      for (EdgeCheckpoint checkpoint : device0) {
        AgentBeliefs rebuilt = cloudCopy.agent(checkpoint.agent());
        assertThat(rebuilt.factors()).as("agent %d", checkpoint.agent())
            .containsExactly(BeliefCodes.quantize(checkpoint.beliefs()[0]));
        assertThat(rebuilt.tick()).isLessThanOrEqualTo(checkpoint.tick());
      }
      long deltas = cloud.isDelta.values().stream().filter(d -> d).count();
      long snapshots = cloud.stored.size() - deltas;
      assertThat(deltas).isGreaterThanOrEqualTo(60);
      assertThat(snapshots).as("a snapshot at least every 25 messages").isGreaterThanOrEqualTo(cloud.stored.size() / 25);
      assertThat(runtime.beliefStats().acknowledgements()).isPositive();
      assertThat(runtime.beliefStats().baseSequence()).isPositive();

      List<CommandAck> acks = new ArrayList<>(cloud.acks);
      assertThat(acks).filteredOn(a -> a.commandId() == 77).extracting(CommandAck::status)
          .containsExactly(CommandStatus.ACCEPTED, CommandStatus.APPLIED);
      assertThat(acks).filteredOn(a -> a.commandId() == 78).extracting(CommandAck::status)
          .containsExactly(CommandStatus.ACCEPTED, CommandStatus.REJECTED);
      assertThat(acks).filteredOn(a -> a.commandId() == 78 && a.status() == CommandStatus.REJECTED)
          .allSatisfy(a -> assertThat(a.detail()).contains("unknown setting 'noSuchKey'"));
      assertThat(cloud.telemetry.peek().agents()).isEqualTo(AGENTS);

      EdgeLedgerEntry beliefs = store.ledger().kind(EdgeRuntime.BELIEFS_KIND);
      assertThat(beliefs.spooled()).isEqualTo(beliefs.delivered() + beliefs.pending());
      assertThat(beliefs.delivered()).isGreaterThanOrEqualTo(cloud.stored.size());
    }
  }
}
