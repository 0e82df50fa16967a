package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync against the real broker ({@link MqttTestBroker}): a spool filled while the broker is unreachable is
 * delivered once it is reachable; after a {@code kill -9} of the publisher mid-run and a restart, every sequence
 * reaches the subscriber at least once; poison messages end in the dead letters while the others are delivered.
 */
class EdgeSyncIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;
  private String fleet;

  @BeforeEach
  void broker() {
    MqttTestBroker.requireReachable();
    fleet = "it-" + UUID.randomUUID();
  }

  private static byte[] telemetry(int i) {
    return WireCodec.encode(new Telemetry(new MessageHeader("unstamped", 0, i), OptionalInt.empty(), false,
        OptionalInt.empty(), 100, 1, 0, 1, 1, 1));
  }

  private static List<EdgeOutgoing> telemetryMessages(int count) {
    List<EdgeOutgoing> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      result.add(new EdgeOutgoing("telemetry", telemetry(i), 0));
    }
    return result;
  }

  @Test
  void messagesSpooledWhileTheBrokerIsUnreachableAreAllDeliveredOnceItIs() throws Exception {
    Path database = dir.resolve("edge.db");
    EdgeStoreConfig storeConfig = EdgeStoreConfig.defaults();
    try (TcpForwarder relay = TcpForwarder.onFreePort(MqttTestBroker.host(), MqttTestBroker.port());
        EdgeStateStore store = EdgeStateStore.open(database, storeConfig);
        MqttTestSubscriber subscriber = new MqttTestSubscriber(fleet)) {
      store.enqueue(telemetryMessages(40));
      EdgeSync sync = EdgeSync.start(database, storeConfig,
          EdgeMqttConfig.of("tcp://127.0.0.1:" + relay.port(), fleet).withBackoff(20, 200), (t, p) -> { });
      try {
        assertThat(sync.awaitStats(s -> s.connectFailures() >= 3, WAIT)).as("%s", sync.stats()).isTrue();
        assertThat(sync.stats().delivered()).isZero();
        assertThat(store.outboxStats().depth()).isEqualTo(40);

        relay.open();

        assertThat(subscriber.awaitAll(1, 40, WAIT)).as("missing %d", subscriber.missing(1, 40)).isTrue();
        assertThat(sync.awaitStats(s -> s.delivered() == 40, WAIT)).as("%s", sync.stats()).isTrue();
        assertThat(store.outboxStats().depth()).isZero();
        assertThat(subscriber.lastPresence().online()).isTrue();
        assertThat(subscriber.lastPresence().header().deviceId()).isEqualTo(store.deviceId());
      } finally {
        sync.close();
      }
      assertThat(subscriber.problem()).isNull();
    }
  }

  @Test
  void afterKillNineAndARestartEverySequenceArrivesAtLeastOnce() throws Exception {
    Path database = dir.resolve("edge.db");
    try (MqttTestSubscriber subscriber = new MqttTestSubscriber(fleet)) {
      Process first = start(database, "produce");
      long last;
      try {
        assertThat(subscriber.awaitDistinct(200, WAIT)).as("first deliveries").isTrue();
      } finally {
        first.destroyForcibly();
        first.waitFor();
      }
      last = lastOutboxId(database);
      assertThat(last).as("messages produced before the kill").isGreaterThanOrEqualTo(200);
      Process second = start(database, "drain");
      try {
        assertThat(subscriber.awaitAll(1, last, WAIT)).as("missing %d of %d", subscriber.missing(1, last), last)
            .isTrue();
      } finally {
        second.destroy();
        second.waitFor();
      }
      Map<Long, Integer> counts = subscriber.counts();
      long duplicates = counts.values().stream().mapToLong(c -> c - 1).sum();
      System.out.printf("kill -9 sync: %d messages, %d duplicates (same sequence, dropped by the cloud)%n", last,
          duplicates);
      assertThat(counts.keySet()).allMatch(s -> s >= 1 && s <= last);
      assertThat(subscriber.problem()).isNull();
    }
  }

  @Test
  void poisonMessagesGoToTheDeadLettersAndTheOthersAreDelivered() throws Exception {
    Path database = dir.resolve("edge.db");
    EdgeStoreConfig storeConfig = EdgeStoreConfig.defaults().withMaxAttempts(2);
    byte[] corrupt = telemetry(1);
    corrupt[corrupt.length - 2] ^= 0x11;
    try (EdgeStateStore store = EdgeStateStore.open(database, storeConfig);
        MqttTestSubscriber subscriber = new MqttTestSubscriber(fleet)) {
      List<EdgeOutgoing> messages = new ArrayList<>();
      messages.add(new EdgeOutgoing("telemetry", corrupt, 0));
      messages.add(new EdgeOutgoing("a+b", telemetry(2), 0));
      messages.add(new EdgeOutgoing("telemetry", new byte[600], 0));
      messages.addAll(telemetryMessages(10));
      store.enqueue(messages);
      EdgeSync sync = EdgeSync.start(database, storeConfig,
          EdgeMqttConfig.of(MqttTestBroker.uri(), fleet).withMaxPayloadBytes(512), (t, p) -> { });
      try {
        assertThat(sync.awaitStats(s -> s.deadLettered() == 3 && s.delivered() == 10, WAIT))
            .as("%s", sync.stats()).isTrue();
        assertThat(subscriber.awaitAll(4, 13, WAIT)).isTrue();
      } finally {
        sync.close();
      }
      assertThat(store.deadLetters()).extracting(d -> d.message().id()).containsExactly(1L, 2L, 3L);
      assertThat(store.deadLetters()).extracting(EdgeDeadLetter::reason).satisfiesExactly(
          r -> assertThat(r).contains("corrupt wire frame"), r -> assertThat(r).contains("not a topic token"),
          r -> assertThat(r).contains("exceeds the limit of 512"));
      assertThat(subscriber.counts().keySet()).doesNotContain(1L, 2L, 3L);
      assertThat(store.outboxStats().depth()).isZero();
    }
  }

  private Process start(Path database, String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        SyncPublisherProcess.class.getName(), database.toString(), MqttTestBroker.uri(), fleet, mode);
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve(mode + ".err").toFile()).start();
  }

  private static long lastOutboxId(Path database) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }
}
