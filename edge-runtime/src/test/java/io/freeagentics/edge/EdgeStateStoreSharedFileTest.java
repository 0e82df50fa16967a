package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connections to one {@code edge.db}, as the runtime's store and the MQTT sync's store have: a write of one
 * store after the other committed must see the other's commit, never fail on a stale read snapshot
 * ({@code SQLITE_BUSY_SNAPSHOT}).
 */
class EdgeStateStoreSharedFileTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("edge.db");
  }

  private static EdgeOutgoing message(String topic, int priority) {
    return new EdgeOutgoing(topic, topic.getBytes(StandardCharsets.UTF_8), priority);
  }

  private static EdgeAgentUpdate update(int agent, int observation, int action) {
    return new EdgeAgentUpdate(agent, new int[] {observation}, new float[][] {{0.5f, 0.5f}}, new int[] {action});
  }

  private static List<String> topics(List<EdgeOutboxMessage> messages) {
    return messages.stream().map(EdgeOutboxMessage::topic).toList();
  }

  @Test
  void enqueueRightAfterOpenSucceedsWhenTheOtherConnectionCommittedInBetween() throws Exception {
    try (EdgeStateStore runtime = EdgeStateStore.open(db(), EdgeStoreConfig.defaults());
        EdgeStateStore sync = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      sync.enqueue(List.of(message("from-sync", 1)));
      runtime.enqueue(List.of(message("from-runtime", 1)));
      assertThat(topics(sync.pending(10))).containsExactly("from-sync", "from-runtime");
    }
  }

  @Test
  void writesAfterThePreviousCommitSucceedWhenTheOtherConnectionCommittedInBetween() throws Exception {
    try (EdgeStateStore runtime = EdgeStateStore.open(db(), EdgeStoreConfig.defaults());
        EdgeStateStore sync = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      runtime.commitTick(new EdgeTickCommit(0, List.of(update(0, 1, 1)), List.of(message("tick-0", 2))));
      long delivered = sync.pending(1).get(0).id();
      assertThat(sync.acknowledge(delivered)).isTrue();
      runtime.enqueue(List.of(message("enqueued", 1)));
      sync.enqueue(List.of(message("from-sync", 1)));
      assertThat(runtime.commitTick(new EdgeTickCommit(1, List.of(), List.of(message("tick-1", 0)))))
          .isEqualTo(EdgeStateStore.CommitMode.COMPLETE);
      sync.enqueue(List.of(message("again", 1)));
      long failing = runtime.pending(1).get(0).id();
      sync.enqueue(List.of(message("once-more", 1)));
      assertThat(runtime.recordFailure(failing, "broker down")).isFalse();
      sync.enqueue(List.of(message("last", 1)));
      assertThat(runtime.acknowledge(failing)).isTrue();
      assertThat(topics(runtime.pending(10))).containsExactly("from-sync", "again", "once-more", "last", "tick-1");
      assertThat(runtime.lastCommittedTick()).isEqualTo(1);
    }
  }

  @Test
  void readsSeeTheOtherConnectionsLatestCommit() throws Exception {
    try (EdgeStateStore runtime = EdgeStateStore.open(db(), EdgeStoreConfig.defaults());
        EdgeStateStore sync = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      assertThat(runtime.pending(10)).isEmpty();
      sync.enqueue(List.of(message("from-sync", 1)));
      assertThat(topics(runtime.pending(10))).containsExactly("from-sync");
      assertThat(runtime.outboxStats().depth()).isEqualTo(1);
    }
  }

  @Test
  void enqueueSucceedsAfterAPlainConnectionCommittedToTheFile() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      store.enqueue(List.of(message("first", 1)));
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db().toAbsolutePath());
          Statement statement = other.createStatement()) {
        statement.executeUpdate("INSERT INTO outbox (topic, payload, priority, tick) VALUES ('other', x'00', 1, -1)");
      }
      store.enqueue(List.of(message("second", 1)));
      assertThat(topics(store.pending(10))).containsExactly("first", "other", "second");
    }
  }
}
