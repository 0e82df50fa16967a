package io.freeagentics.cloud.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.freeagentics.cloud.beliefs.AgentBeliefView;
import io.freeagentics.cloud.beliefs.JdbcBeliefQueries;
import io.freeagentics.cloud.ingest.IngestServices;
import io.freeagentics.cloud.store.PlainDataSource;
import io.freeagentics.wire.AcknowledgedBeliefs;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.EncodedBeliefs;
import io.freeagentics.wire.WireCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingest against the real Mosquitto and PostgreSQL: devices publish snapshots, deltas, a duplicate and garbage;
 * two ingest instances in one shared group split the messages; an ingest that dies before its commit loses
 * nothing.
 */
class BeliefIngestIT {
  private String uri;
  private String run;
  private String schema;
  private HikariDataSource database;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<String> clientIds = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    uri = IngestServices.mqttUri();
    run = Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() % 1000, 36);
    schema = "fa_ingest_it_" + run;
    database = IngestServices.postgres(schema);
    TestDatabases.migrate(database);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    for (String clientId : clientIds) {
      IngestServices.clearSession(uri, clientId);
    }
    if (database != null) {
      database.close();
      IngestServices.dropSchema(schema);
    }
  }

  private IngestInstance ingest(String group, String fleet, String name, DataSource dataSource,
      RecordingDeviceReports reports, int clients) throws Exception {
    String clientId = "fa-it-" + run + "-" + name;
    for (int i = 0; i < clients; i++) {
      clientIds.add(clientId + "-" + i);
    }
    IngestInstance instance = new IngestInstance(uri, group, fleet, clientId, clients, dataSource, reports, List.of());
    open.add(instance);
    return instance;
  }

  private TestDevices devices(String fleet) throws Exception {
    TestDevices devices = new TestDevices(uri, fleet);
    open.add(devices);
    return devices;
  }

  @Test
  void twoInstancesInOneSharedGroupStoreEveryMessageOnceAndAcknowledgeIt() throws Exception {
    String group = "fa-it-" + run;
    RecordingDeviceReports reports = new RecordingDeviceReports();
    String fleet = "it-" + run;
    IngestInstance first = ingest(group, fleet, "a", database, reports, 2);
    IngestInstance second = ingest(group, fleet, "b", database, reports, 2);
    TestDevices devices = devices(fleet);
    long now = System.currentTimeMillis();

    // Every device: snapshot 1; once acknowledged, delta 2 on base 1; once acknowledged, delta 3 on base 2; a second
    // copy of delta 2; a garbage frame; telemetry.
    int deviceCount = 8;
    List<BeliefSet> firstStates = new ArrayList<>();
    List<BeliefSet> secondStates = new ArrayList<>();
    List<BeliefSet> thirdStates = new ArrayList<>();
    List<byte[]> deltas2 = new ArrayList<>();
    List<int[]> movedAt3 = new ArrayList<>();
    for (int d = 0; d < deviceCount; d++) {
      BeliefSet state = BeliefFixtures.grid(25, 1);
      firstStates.add(state);
      devices.publish("dev" + d, "beliefs", BeliefFixtures.snapshot("dev" + d, 1, now, state));
    }
    awaitTrue(() -> devices.ackCount() == deviceCount, "acknowledgements of the snapshots");
    for (int d = 0; d < deviceCount; d++) {
      BeliefSet next = BeliefFixtures.move(firstStates.get(d), 2, d, d + 1);
      EncodedBeliefs delta = BeliefFixtures.sync("dev" + d, 2, now, next,
          new AcknowledgedBeliefs(1, firstStates.get(d)));
      assertThat(delta.isDelta()).isTrue();
      secondStates.add(((BeliefDelta) delta.message()).applyTo(1, firstStates.get(d)));
      deltas2.add(delta.frame());
      devices.publish("dev" + d, "beliefs", delta.frame());
    }
    awaitTrue(() -> devices.ackCount() == 2L * deviceCount, "acknowledgements of the first deltas");
    for (int d = 0; d < deviceCount; d++) {
      BeliefSet next = BeliefFixtures.move(secondStates.get(d), 3, d + 2);
      EncodedBeliefs delta = BeliefFixtures.sync("dev" + d, 3, now, next,
          new AcknowledgedBeliefs(2, secondStates.get(d)));
      assertThat(delta.isDelta()).isTrue();
      thirdStates.add(((BeliefDelta) delta.message()).applyTo(2, secondStates.get(d)));
      movedAt3.add(((BeliefDelta) delta.message()).changes().stream().mapToInt(c -> c.agentId()).toArray());
      devices.publish("dev" + d, "beliefs", delta.frame());
      devices.publish("dev" + d, "beliefs", deltas2.get(d));
      devices.publish("dev" + d, "beliefs", new byte[] {(byte) 0xFA, 1, 1, 0, 0});
      devices.publish("dev" + d, "telemetry", WireCodec.encode(IngestPipelineTest.telemetry("dev" + d, 4)));
    }
    // Then a burst of snapshots, to see both instances take a share.
    int burst = 40;
    for (int s = 10; s < 10 + burst; s++) {
      for (int d = 0; d < deviceCount; d++) {
        devices.publish("dev" + d, "beliefs", BeliefFixtures.snapshot("dev" + d, s, now, BeliefFixtures.grid(25,
            s)));
      }
    }
    long expectedMessages = 3L * deviceCount + (long) burst * deviceCount;
    awaitTrue(() -> first.stats.snapshot().persisted() + second.stats.snapshot().persisted() == expectedMessages
        && first.stats.snapshot().decodeErrors() + second.stats.snapshot().decodeErrors() == deviceCount
        && first.stats.snapshot().duplicatesDropped() + second.stats.snapshot().duplicatesDropped() == deviceCount
        && reports.count("telemetry") == deviceCount && devices.ackCount() == expectedMessages,
        "every message stored, every duplicate and garbage frame counted");

    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isEqualTo(expectedMessages);
    assertThat(TestDatabases.count(database, "SELECT COUNT(DISTINCT (device, sequence)) FROM belief_message"))
        .isEqualTo(expectedMessages);
    assertThat(first.stats.snapshot().persisted()).isPositive();
    assertThat(second.stats.snapshot().persisted()).isPositive();
    assertThat(first.stats.snapshot().deltasWithoutBase() + second.stats.snapshot().deltasWithoutBase()).isZero();
    for (int d = 0; d < deviceCount; d++) {
      for (long s = 1; s <= 3; s++) {
        assertThat(devices.acked("dev" + d, s)).as("ack of dev%d %d", d, s).isTrue();
      }
    }

    // The read side gives the beliefs of the third message for its history tick and the burst's for the latest.
    JdbcBeliefQueries queries = new JdbcBeliefQueries(database);
    for (int d = 0; d < deviceCount; d++) {
      for (int moved : movedAt3.get(d)) {
        List<AgentBeliefView> history = queries.history(fleet, "dev" + d, moved, 3, 3, 10);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).sequence()).isEqualTo(3);
        assertThat(history.get(0).beliefs().get(0))
            .containsExactly(thirdStates.get(d).agent(moved).factors().get(0).probabilities());
      }
      List<AgentBeliefView> latest = queries.latest(fleet, "dev" + d);
      assertThat(latest).hasSize(25).allMatch(view -> view.tick() == 10 + burst - 1);
    }
  }

  @Test
  void messagesReceivedButNotCommittedWhenTheIngestDiesAreDeliveredAgainAndStoredOnce() throws Exception {
    String group = "fa-it-crash-" + run;
    RecordingDeviceReports reports = new RecordingDeviceReports();
    AtomicBoolean down = new AtomicBoolean(true);
    String fleet = "itc-" + run;
    IngestInstance dying = ingest(group, fleet, "c", new FailingDataSource(database, down), reports, 1);
    TestDevices devices = devices(fleet);
    int messages = 15;
    for (int s = 1; s <= messages; s++) {
      devices.publish("crash0", "beliefs", BeliefFixtures.snapshot("crash0", s, System.currentTimeMillis(),
          BeliefFixtures.grid(5, s)));
    }
    awaitTrue(() -> dying.stats.snapshot().received() == messages && dying.stats.snapshot().writeRetries() > 0,
        "the dying ingest received everything and failed to write");
    dying.close();
    open.remove(dying);
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isZero();
    assertThat(devices.ackCount()).isZero();

    IngestInstance restarted = ingest(group, fleet, "c", database, reports, 1);
    awaitTrue(() -> restarted.stats.snapshot().persisted() == messages && devices.ackCount() == messages,
        "the restarted ingest stored the redelivered messages");
    assertThat(TestDatabases.count(database, "SELECT COUNT(*) FROM belief_message")).isEqualTo(messages);
  }

  private void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        StringBuilder state = new StringBuilder();
        for (AutoCloseable o : open) {
          if (o instanceof IngestInstance i) {
            state.append("\n  ").append(i.stats.snapshot());
          } else if (o instanceof TestDevices d) {
            state.append("\n  acks ").append(d.ackCount());
          }
        }
        throw new AssertionError("timed out after 60 s waiting for " + what + state);
      }
      Thread.sleep(50);
    }
  }

  /** A data source that fails every connection while {@code down} is set: a database outage. */
  private record FailingDataSource(DataSource delegate, AtomicBoolean down) implements PlainDataSource {
    @Override
    public Connection getConnection() throws SQLException {
      if (down.get()) {
        throw new SQLException("database down (test)", "08001");
      }
      return delegate.getConnection();
    }
  }
}
