package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox ledger counts, per kind and in the transaction that does it, what was spooled, delivered, evicted by
 * the bound, refused by it, and dead-lettered; every spooled message is delivered, evicted, dead or still pending.
 */
class EdgeLedgerTest {
  @TempDir
  Path dir;

  private static EdgeOutgoing message(String kind, int priority) {
    return new EdgeOutgoing(kind, kind.getBytes(StandardCharsets.UTF_8), priority);
  }

  @Test
  void everyMessageIsAccountedForPerKind() throws Exception {
    EdgeStoreConfig config = EdgeStoreConfig.defaults().withOutboxCapacity(3).withMaxAttempts(1);
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), config)) {
      store.commitTick(new EdgeTickCommit(0, List.of(), List.of(message("beliefs", 6), message("telemetry", 2))));
      assertThat(store.lastSpooledIds()).hasSize(2).doesNotContain(-1L);
      store.commitTick(new EdgeTickCommit(1, List.of(), List.of(message("beliefs", 6), message("beliefs", 6))));
      // Full: the second beliefs message of tick 1 evicted the telemetry message.
      store.commitTick(new EdgeTickCommit(2, List.of(), List.of(message("telemetry", 2))));
      assertThat(store.lastSpooledIds()).as("below everything waiting: refused").containsExactly(-1L);
      List<EdgeOutboxMessage> waiting = store.pending(10);
      assertThat(waiting).extracting(EdgeOutboxMessage::topic).containsExactly("beliefs", "beliefs", "beliefs");
      assertThat(store.acknowledge(waiting.get(0).id())).isTrue();
      assertThat(store.acknowledge(waiting.get(0).id())).as("already gone, not counted twice").isFalse();
      assertThat(store.recordFailure(waiting.get(1).id(), "broker refused it")).isTrue();

      EdgeLedger ledger = store.ledger();
      assertThat(ledger.kind("beliefs")).isEqualTo(new EdgeLedgerEntry("beliefs", 3, 1, 0, 0, 1));
      assertThat(ledger.kind("beliefs").pending()).isEqualTo(1);
      assertThat(ledger.kind("telemetry")).isEqualTo(new EdgeLedgerEntry("telemetry", 1, 0, 1, 1, 0));
      assertThat(ledger.kind("telemetry").dropped()).isEqualTo(2);
      assertThat(ledger.total().pending()).isEqualTo(store.outboxStats().depth());
      assertThat(ledger.total().dropped()).isEqualTo(store.outboxStats().dropped());
      assertThat(ledger.kind("events")).isEqualTo(new EdgeLedgerEntry("events", 0, 0, 0, 0, 0));
    }
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), config)) {
      assertThat(store.ledger().kind("beliefs").spooled()).as("kept across restarts").isEqualTo(3);
    }
  }

  @Test
  void messagesEnqueuedOutsideATickAreCountedToo() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults())) {
      store.enqueue(List.of(message("events", 8)));
      assertThat(store.ledger().kind("events").spooled()).isEqualTo(1);
      assertThat(store.ledger().describe()).contains("events", "spooled 1", "pending 1");
    }
  }
}
