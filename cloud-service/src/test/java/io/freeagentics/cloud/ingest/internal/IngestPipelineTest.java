package io.freeagentics.cloud.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.beliefs.AgentBeliefView;
import io.freeagentics.cloud.beliefs.JdbcBeliefQueries;
import io.freeagentics.cloud.events.DeviceEvents;
import io.freeagentics.cloud.events.StoredEvent;
import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.ingest.IngestStatsSnapshot;
import io.freeagentics.wire.AcknowledgedBeliefs;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.EncodedBeliefs;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {
  private DataSource database;
  private RecordingDeviceReports reports;
  private List<String> deviceAcks;
  private List<String> brokerAcks;
  private IngestStats stats;
  private List<BeliefsStored> stored;
  private AtomicLong clock;

  @BeforeEach
  void setUp() throws Exception {
    database = TestDatabases.h2();
    reports = new RecordingDeviceReports();
    deviceAcks = new CopyOnWriteArrayList<>();
    brokerAcks = new CopyOnWriteArrayList<>();
    stats = new IngestStats();
    stored = new CopyOnWriteArrayList<>();
    clock = new AtomicLong(1_000_000);
  }

  private IngestPipeline pipeline() {
    return new IngestPipeline(database, reports, (fleet, device, sequence) -> deviceAcks.add(fleet + "/" + device
        + " " + sequence), stats, new DedupeWindow(64, 1000), new BaseCache(4, 1 << 20), List.of(stored::addAll),
        clock::get);
  }

  private Inbound beliefs(String device, byte[] frame) {
    return BeliefFixtures.inbound("f1", device, "beliefs", frame, brokerAcks);
  }

  @Test
  void storesSnapshotAndDeltaWithHistoryRowsAndAcknowledgesAfterCommit() throws Exception {
    IngestPipeline pipeline = pipeline();
    BeliefSet first = BeliefFixtures.grid(25, 1);
    pipeline.process(List.of(beliefs("d1", BeliefFixtures.snapshot("d1", 10, 999_000, first))));

    BeliefSet second = BeliefFixtures.move(first, 2, 3, 10, 11);
    EncodedBeliefs delta = BeliefFixtures.sync("d1", 11, 999_500, second, new AcknowledgedBeliefs(10, first));
    assertThat(delta.isDelta()).isTrue();
    pipeline.process(List.of(beliefs("d1", delta.frame())));

    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isEqualTo(2);
    int changed = ((BeliefDelta) delta.message()).changes().size();
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_history")).isEqualTo(25 + changed);
    assertThat(deviceAcks).containsExactly("f1/d1 10", "f1/d1 11");
    assertThat(brokerAcks).hasSize(2);
    IngestStatsSnapshot snapshot = stats.snapshot();
    assertThat(snapshot.persisted()).isEqualTo(2);
    assertThat(snapshot.agentUpdatesPersisted()).isEqualTo(25 + changed);
    assertThat(snapshot.latencyMaxMillis()).isEqualTo(1_000);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(1).state()).isEqualTo(((BeliefDelta) delta.message()).applyTo(10, first));

    JdbcBeliefQueries queries = new JdbcBeliefQueries(database);
    List<AgentBeliefView> latest = queries.latest("f1", "d1");
    assertThat(latest).hasSize(25);
    BeliefSet expected = ((BeliefDelta) delta.message()).applyTo(10, first);
    for (AgentBeliefView view : latest) {
      assertThat(view.tick()).isEqualTo(expected.agent(view.agent()).tick());
      assertThat(view.beliefs().get(0)).containsExactly(expected.agent(view.agent()).factors().get(0)
          .probabilities());
      assertThat(view.persistedMillis()).isEqualTo(clock.get());
    }
    AgentBeliefView agent3 = queries.latest("f1", "d1", 3).orElseThrow();
    assertThat(agent3.tick()).isEqualTo(expected.agent(3).tick());
    List<AgentBeliefView> history = queries.history("f1", "d1", 3, 0, 100, 10);
    assertThat(history).extracting(AgentBeliefView::tick).isSorted().endsWith(expected.agent(3).tick());
    assertThat(queries.history("f1", "d1", 3, 2, 2, 10)).allMatch(v -> v.tick() == 2);
    assertThat(queries.latest("f1", "nobody")).isEmpty();
  }

  @Test
  void offersTheBatchToListenersBeforeAnyAcknowledgementGoesOut() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    IngestPipeline pipeline = new IngestPipeline(database, reports,
        (fleet, device, sequence) -> events.add("ack " + sequence), stats, new DedupeWindow(64, 1000),
        new BaseCache(4, 1 << 20), List.of(batch -> batch.forEach(b -> events.add("stored " + b.sequence()))),
        clock::get);
    pipeline.process(List.of(beliefs("d1", BeliefFixtures.snapshot("d1", 10, 999_000, BeliefFixtures.grid(4, 1))),
        beliefs("d2", BeliefFixtures.snapshot("d2", 20, 999_000, BeliefFixtures.grid(4, 1)))));

    assertThat(events).containsExactly("stored 10", "stored 20", "ack 10", "ack 20");
  }

  @Test
  void dropsAndReacknowledgesDuplicatesInTheBatchAcrossBatchesAndAfterARestart() throws Exception {
    byte[] frame = BeliefFixtures.snapshot("d1", 5, 1, BeliefFixtures.grid(3, 1));
    pipeline().process(List.of(beliefs("d1", frame), beliefs("d1", frame)));
    assertThat(stats.snapshot().duplicatesDropped()).isEqualTo(1);
    assertThat(deviceAcks).containsExactly("f1/d1 5");

    IngestPipeline restarted = pipeline();
    restarted.process(List.of(beliefs("d1", frame)));
    restarted.process(List.of(beliefs("d1", frame)));

    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isEqualTo(1);
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_history")).isEqualTo(3);
    assertThat(stats.snapshot().duplicatesDropped()).isEqualTo(3);
    assertThat(stats.snapshot().persisted()).isEqualTo(1);
    assertThat(deviceAcks).containsExactly("f1/d1 5", "f1/d1 5", "f1/d1 5");
    assertThat(brokerAcks).hasSize(4);
  }

  @Test
  void appliesADeltaToABaseReadFromTheDatabaseAfterARestart() throws Exception {
    BeliefSet first = BeliefFixtures.grid(10, 1);
    pipeline().process(List.of(beliefs("d2", BeliefFixtures.snapshot("d2", 1, 1, first))));
    EncodedBeliefs delta = BeliefFixtures.sync("d2", 2, 2, BeliefFixtures.move(first, 7, 1, 2),
        new AcknowledgedBeliefs(1, first));
    assertThat(delta.isDelta()).isTrue();

    pipeline().process(List.of(beliefs("d2", delta.frame())));

    assertThat(stats.snapshot().persisted()).isEqualTo(2);
    assertThat(stats.snapshot().deltasWithoutBase()).isZero();
    assertThat(stored.get(1).state()).isEqualTo(((BeliefDelta) delta.message()).applyTo(1, first));
  }

  @Test
  void dropsADeltaWithoutBaseUnacknowledgedToTheDeviceButAcknowledgedToTheBroker() throws Exception {
    BeliefSet base = BeliefFixtures.grid(10, 1);
    EncodedBeliefs delta = BeliefFixtures.sync("d3", 9, 2, BeliefFixtures.move(base, 4, 5),
        new AcknowledgedBeliefs(8, base));
    assertThat(delta.isDelta()).isTrue();

    pipeline().process(List.of(beliefs("d3", delta.frame())));

    assertThat(stats.snapshot().deltasWithoutBase()).isEqualTo(1);
    assertThat(stats.snapshot().persisted()).isZero();
    assertThat(deviceAcks).isEmpty();
    assertThat(brokerAcks).hasSize(1);
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isZero();
  }

  @Test
  void countsBadFramesWithoutCrashingOrAcknowledgingThemToDevices() throws Exception {
    byte[] good = BeliefFixtures.snapshot("d4", 1, 1, BeliefFixtures.grid(2, 1));
    byte[] corrupted = good.clone();
    corrupted[corrupted.length / 2] ^= 0x55;
    byte[] otherDevice = BeliefFixtures.snapshot("someone-else", 1, 1, BeliefFixtures.grid(2, 1));
    byte[] telemetryOnBeliefs = WireCodec.encode(telemetry("d4", 2));
    List<Inbound> batch = new ArrayList<>();
    batch.add(beliefs("d4", new byte[] {1, 2, 3}));
    batch.add(beliefs("d4", corrupted));
    batch.add(beliefs("d4", otherDevice));
    batch.add(beliefs("d4", telemetryOnBeliefs));
    batch.add(Inbound.decode("fa/v1/f1/d4/unknown-kind", good, 0, () -> brokerAcks.add("unknown")));
    batch.add(BeliefFixtures.inbound("f1", "d4", "events", new byte[] {(byte) 0xC3, 0x28}, brokerAcks));
    batch.add(beliefs("d4", good));

    pipeline().process(batch);

    assertThat(stats.snapshot().decodeErrors()).isEqualTo(6);
    assertThat(stats.snapshot().persisted()).isEqualTo(1);
    assertThat(deviceAcks).containsExactly("f1/d4 1");
    assertThat(brokerAcks).hasSize(7);
    assertThat(batch.get(1).problem()).contains("wire frame field");
    assertThat(batch.get(2).problem()).contains("someone-else");
  }

  @Test
  void handsReportsToTheRegistryAndRetriesWhenItFails() throws Exception {
    IngestPipeline pipeline = pipeline();
    Inbound telemetry = BeliefFixtures.inbound("f1", "d5", "telemetry", WireCodec.encode(telemetry("d5", 3)),
        brokerAcks);
    Inbound presence = BeliefFixtures.inbound("f1", "d5", "presence",
        WireCodec.encode(new Presence(new MessageHeader("d5", 4, 1), true)), brokerAcks);
    Inbound ack = BeliefFixtures.inbound("f1", "d5", "command-ack",
        WireCodec.encode(new CommandAck(new MessageHeader("d5", 5, 1), 77, CommandStatus.APPLIED, "")),
        brokerAcks);
    reports.failuresLeft.set(1);

    pipeline.process(List.of(telemetry, presence, ack));
    assertThat(stats.snapshot().reportRetries()).isEqualTo(1);
    assertThat(brokerAcks).hasSize(2);
    assertThat(pipeline.pendingRetries()).isEqualTo(1);

    clock.addAndGet(10_000);
    pipeline.process(List.of());
    pipeline.process(List.of(telemetry));

    assertThat(reports.count("telemetry")).isEqualTo(1);
    assertThat(reports.calls).contains("presence f1/d5 true", "command-ack f1/d5 77 APPLIED");
    assertThat(stats.snapshot().reports()).isEqualTo(3);
    assertThat(stats.snapshot().duplicatesDropped()).isEqualTo(1);
    assertThat(brokerAcks).hasSize(4);
    assertThat(pipeline.pendingRetries()).isZero();
  }

  @Test
  void storesEachEventOnceAcknowledgesItToTheBrokerOnlyAndListsThemNewestFirst() throws Exception {
    Inbound stopped = event("d6", 7, "stopped", "{\"event\":\"stopped\",\"lastTick\":41}");
    Inbound error = event("d6", 9, "error", "{\"event\":\"error\",\"message\":\"i2c read timed out\"}");
    pipeline().process(List.of(stopped, error, event("d6", 9, "error", "{}")));

    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM device_event")).isEqualTo(2);
    assertThat(stats.snapshot().events()).isEqualTo(2);
    assertThat(stats.snapshot().duplicatesDropped()).isEqualTo(1);
    assertThat(brokerAcks).hasSize(3);
    assertThat(deviceAcks).isEmpty();
    assertThat(reports.calls).contains("seen f1/d6");

    // Redelivered to a fresh writer (another instance, or after a restart): the primary key drops it.
    pipeline().process(List.of(event("d6", 7, "stopped", "{}"), event("d6", 12, "error", "{\"n\":3}")));
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM device_event")).isEqualTo(3);
    assertThat(stats.snapshot().duplicatesDropped()).isEqualTo(2);
    assertThat(brokerAcks).hasSize(5);
    assertThat(deviceAcks).isEmpty();

    DeviceEvents events = new DeviceEvents(database);
    assertThat(events.page("f1", "d6", null, null, 10)).extracting(StoredEvent::sequence).containsExactly(12L, 9L, 7L);
    assertThat(events.page("f1", "d6", null, 9L, 10)).extracting(StoredEvent::sequence).containsExactly(7L);
    assertThat(events.page("f1", "d6", "error", null, 1)).singleElement().satisfies(e -> {
      assertThat(e.sequence()).isEqualTo(12);
      assertThat(e.body()).isEqualTo("{\"n\":3}");
      assertThat(e.edgeMillis()).isEqualTo(500);
      assertThat(e.storedMillis()).isEqualTo(clock.get());
    });
    assertThat(events.page("f1", "d6", "stopped", null, 10)).singleElement()
        .extracting(StoredEvent::body).isEqualTo("{\"event\":\"stopped\",\"lastTick\":41}");
  }

  private Inbound event(String device, long sequence, String kind, String body) {
    return BeliefFixtures.inbound("f1", device, "events",
        WireCodec.encode(new DeviceEvent(new MessageHeader(device, sequence, 500), kind, body)), brokerAcks);
  }

  @Test
  void writesManyDevicesInOneBatch() throws Exception {
    List<Inbound> batch = new ArrayList<>();
    for (int d = 0; d < 50; d++) {
      for (int s = 0; s < 3; s++) {
        batch.add(beliefs("dev-" + d, BeliefFixtures.snapshot("dev-" + d, s, 1, BeliefFixtures.grid(25, s))));
      }
    }
    pipeline().process(batch);
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isEqualTo(150);
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_history")).isEqualTo(150 * 25);
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_device")).isEqualTo(50);
    assertThat(TestDatabases.count(database, "SELECT MIN(latest_sequence) FROM belief_device")).isEqualTo(2);
    assertThat(TestDatabases.count(database, "SELECT MAX(max_agent) FROM belief_device")).isEqualTo(24);
  }

  static Telemetry telemetry(String device, long sequence) {
    return new Telemetry(new MessageHeader(device, sequence, 1), OptionalInt.of(800), false, OptionalInt.of(215),
        1000, 25, 3, 1000, 10_000_000, 100_000_000);
  }
}
