package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeStateStoreTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("edge.db");
  }

  private static EdgeAgentUpdate update(int agent, int observation, int action) {
    return new EdgeAgentUpdate(agent, new int[] {observation}, new float[][] {{0.25f, 0.75f}}, new int[] {action});
  }

  private static EdgeOutgoing message(String topic, int priority) {
    return new EdgeOutgoing(topic, topic.getBytes(StandardCharsets.UTF_8), priority);
  }

  @Test
  void checkpointsSurviveReopeningWithTheDeviceIdentity() throws Exception {
    String deviceId;
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      assertThat(store.opening().created()).isTrue();
      assertThat(store.lastCommittedTick()).isEqualTo(-1);
      deviceId = store.deviceId();
      store.commitTick(new EdgeTickCommit(0, List.of(update(0, 1, 2), update(3, 0, 1)), List.of()));
      store.commitTick(new EdgeTickCommit(1, List.of(update(0, 2, 3)), List.of()));
    }
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      assertThat(store.opening().created()).isFalse();
      assertThat(store.deviceId()).isEqualTo(deviceId);
      assertThat(store.lastCommittedTick()).isEqualTo(1);
      assertThat(store.checkpoints()).containsExactly(
          new EdgeCheckpoint(0, 1, new float[][] {{0.25f, 0.75f}}, new int[] {3}, 2),
          new EdgeCheckpoint(3, 0, new float[][] {{0.25f, 0.75f}}, new int[] {1}, 1));
    }
  }

  @Test
  void historyKeepsTheLastTicksOfEachAgentAcrossReopening() throws Exception {
    EdgeStoreConfig config = EdgeStoreConfig.defaults().withHistoryLength(3);
    try (EdgeStateStore store = EdgeStateStore.open(db(), config)) {
      for (int tick = 0; tick < 4; tick++) {
        store.commitTick(new EdgeTickCommit(tick, List.of(update(0, tick, tick)), List.of()));
      }
    }
    try (EdgeStateStore store = EdgeStateStore.open(db(), config)) {
      store.commitTick(new EdgeTickCommit(4, List.of(update(0, 4, 4)), List.of()));
      assertThat(store.history(0)).extracting(EdgeHistoryEntry::tick).containsExactly(2L, 3L, 4L);
      assertThat(store.history(0).get(2)).isEqualTo(new EdgeHistoryEntry(4, new int[] {4}, new int[] {4}));
      assertThat(store.history(1)).isEmpty();
    }
  }

  @Test
  void ticksMustIncrease() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      store.commitTick(new EdgeTickCommit(5, List.of(), List.of()));
      assertThatThrownBy(() -> store.commitTick(new EdgeTickCommit(5, List.of(), List.of())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick 5");
    }
  }

  @Test
  void fullOutboxDropsTheOldestLowestPriorityMessageAndCountsIt() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults().withOutboxCapacity(3))) {
      store.commitTick(new EdgeTickCommit(0, List.of(),
          List.of(message("low-old", 0), message("high", 5), message("low-new", 0))));
      store.commitTick(new EdgeTickCommit(1, List.of(), List.of(message("mid", 2))));
      assertThat(store.pending(10)).extracting(EdgeOutboxMessage::topic).containsExactly("high", "mid", "low-new");
      assertThat(store.outboxStats()).isEqualTo(new EdgeOutboxStats(3, 1, 0));
      // A message of lower priority than everything waiting is the one dropped.
      store.enqueue(List.of(new EdgeOutgoing("lowest", new byte[0], 0), message("top", 9)));
      assertThat(store.pending(10)).extracting(EdgeOutboxMessage::topic).containsExactly("top", "high", "mid");
      assertThat(store.outboxStats()).isEqualTo(new EdgeOutboxStats(3, 3, 0));
    }
  }

  @Test
  void loweredBoundsApplyToWhatAnEarlierRunLeft() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      for (int tick = 0; tick < 6; tick++) {
        store.commitTick(new EdgeTickCommit(tick, List.of(update(0, tick, tick)), List.of(message("m" + tick, 0))));
      }
    }
    EdgeStoreConfig smaller = EdgeStoreConfig.defaults().withHistoryLength(2).withOutboxCapacity(3);
    try (EdgeStateStore store = EdgeStateStore.open(db(), smaller)) {
      store.commitTick(new EdgeTickCommit(6, List.of(update(0, 6, 6)), List.of(message("m6", 0))));
      assertThat(store.outboxStats().depth()).isEqualTo(3);
      assertThat(store.outboxStats().dropped()).isEqualTo(4);
      assertThat(store.pending(10)).extracting(EdgeOutboxMessage::topic).containsExactly("m4", "m5", "m6");
      assertThat(store.history(0)).hasSizeLessThanOrEqualTo(2).extracting(EdgeHistoryEntry::tick).contains(6L);
    }
  }

  @Test
  void pendingIsInPriorityThenAgeOrderAndAcknowledgeRemoves() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      store.enqueue(List.of(message("a", 1), message("b", 3), message("c", 1), message("d", 3)));
      List<EdgeOutboxMessage> pending = store.pending(10);
      assertThat(pending).extracting(EdgeOutboxMessage::topic).containsExactly("b", "d", "a", "c");
      assertThat(store.acknowledge(pending.get(0).id())).isTrue();
      assertThat(store.acknowledge(pending.get(0).id())).isFalse();
      assertThat(store.pending(2)).extracting(EdgeOutboxMessage::topic).containsExactly("d", "a");
    }
  }

  @Test
  void aMessageFailingMaxAttemptsTimesBecomesADeadLetterWithItsReason() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults().withMaxAttempts(3))) {
      store.enqueue(List.of(message("poison", 1), message("fine", 1)));
      long poison = store.pending(1).get(0).id();
      assertThat(store.recordFailure(poison, "broker said 413")).isFalse();
      assertThat(store.recordFailure(poison, "broker said 413")).isFalse();
      assertThat(store.pending(1).get(0).attempts()).isEqualTo(2);
      assertThat(store.recordFailure(poison, "payload too large")).isTrue();
      assertThat(store.pending(10)).extracting(EdgeOutboxMessage::topic).containsExactly("fine");
      assertThat(store.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.reason()).isEqualTo("payload too large");
        assertThat(letter.message().topic()).isEqualTo("poison");
        assertThat(letter.message().attempts()).isEqualTo(3);
      });
      assertThat(store.outboxStats()).isEqualTo(new EdgeOutboxStats(1, 0, 1));
      assertThatThrownBy(() -> store.recordFailure(poison, "again")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no message " + poison);
    }
  }

  @Test
  void aFreshStorePassesTheIntegrityCheck() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      store.commitTick(new EdgeTickCommit(0, List.of(update(0, 0, 0)), List.of(message("m", 0))));
      assertThat(store.integrityCheck()).isEmpty();
    }
    assertThat(EdgeStateStore.integrityCheck(db())).isEmpty();
  }

  @Test
  void aCorruptFileIsMovedAsideAndAFreshDatabaseStarts() throws Exception {
    String oldDevice;
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      oldDevice = store.deviceId();
      store.commitTick(new EdgeTickCommit(0, List.of(update(0, 0, 0)), List.of()));
    }
    byte[] garbage = "this is not an SQLite database, just a damaged file".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(db(), garbage);
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      assertThat(store.opening().recoveredFromCorruption()).isTrue();
      assertThat(store.opening().created()).isTrue();
      assertThat(store.checkpoints()).isEmpty();
      assertThat(store.lastCommittedTick()).isEqualTo(-1);
      assertThat(store.deviceId()).isNotEqualTo(oldDevice);
      Path moved = store.opening().corruptFileMovedTo().orElseThrow();
      assertThat(moved.getFileName().toString()).startsWith("edge.db.corrupt-");
      assertThat(Files.readAllBytes(moved)).isEqualTo(garbage);
    }
  }

  @Test
  void aDamagedPageIsDetectedAsCorruption() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      for (int tick = 0; tick < 50; tick++) {
        store.commitTick(new EdgeTickCommit(tick, List.of(update(tick, tick, tick)), List.of(message("m" + tick, 0))));
      }
    }
    byte[] bytes = Files.readAllBytes(db());
    // Keep the header (first page) intact and scribble over the rest: the b-tree pages no longer parse.
    for (int i = 4096; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(db(), bytes);
    try (EdgeStateStore store = EdgeStateStore.open(db(), EdgeStoreConfig.defaults())) {
      assertThat(store.opening().recoveredFromCorruption()).isTrue();
      assertThat(store.checkpoints()).isEmpty();
    }
    assertThat(corruptFiles()).hasSize(1);
  }

  private List<Path> corruptFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("edge\\.db\\.corrupt-\\d+")).collect(Collectors.toList());
    }
  }
}
