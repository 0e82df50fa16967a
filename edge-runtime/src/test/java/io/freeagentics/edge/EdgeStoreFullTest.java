package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full storage, made real with SQLite's {@code max_page_count}: the store trims the outbox, then commits
 * checkpoints only, then fails the tick without losing anything committed and writes the kept checkpoints once
 * space is back.
 */
class EdgeStoreFullTest {
  private static final int AGENTS = 3;
  private static final int HUGE_AGENT = 7;
  /** 400 KB of beliefs: about a hundred pages, more than the capped database can ever find. */
  private static final int HUGE_STATES = 100_000;
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("edge.db");
  }

  private static EdgeAgentUpdate update(int agent, long tick) {
    float p = (tick % 10) / 10f;
    return new EdgeAgentUpdate(agent, new int[] {(int) (tick % 3)}, new float[][] {{p, 1 - p}},
        new int[] {(int) (tick % 2)});
  }

  private static EdgeAgentUpdate huge(long tick) {
    float[] uniform = new float[HUGE_STATES];
    Arrays.fill(uniform, 1f / HUGE_STATES);
    return new EdgeAgentUpdate(HUGE_AGENT, new int[] {0}, new float[][] {uniform}, new int[] {(int) tick});
  }

  private static List<EdgeAgentUpdate> everyAgent(long tick) {
    List<EdgeAgentUpdate> updates = new ArrayList<>();
    for (int agent = 0; agent < AGENTS; agent++) {
      updates.add(update(agent, tick));
    }
    return updates;
  }

  private static EdgeOutgoing summary(long tick, int bytes) {
    byte[] payload = new byte[bytes];
    Arrays.fill(payload, (byte) tick);
    return new EdgeOutgoing("tick", payload, EdgeRuntime.PRIORITY_TELEMETRY);
  }

  @Test
  void aFullDatabaseTrimsTheOutboxThenSavesCheckpointsOnlyThenKeepsTicksUntilSpaceIsBack() throws Exception {
    EdgeStoreConfig config = EdgeStoreConfig.defaults().withOutboxCapacity(100_000).withHistoryLength(4);
    long tick = 0;
    long firstFailed;
    try (EdgeStateStore store = EdgeStateStore.open(db(), config); CapturedStderr log = new CapturedStderr()) {
      store.commitTick(new EdgeTickCommit(tick++, everyAgent(0), List.of(summary(0, 1000))));
      long pages = store.limitPageCount(1);
      assertThat(store.limitPageCount(pages + 12)).isEqualTo(pages + 12);

      // 1. Messages fill the cap: the store drops the oldest summaries and commits the tick completely.
      EdgeStateStore.CommitMode mode = EdgeStateStore.CommitMode.COMPLETE;
      while (mode == EdgeStateStore.CommitMode.COMPLETE && tick < 1000) {
        mode = store.commitTick(new EdgeTickCommit(tick, everyAgent(tick), List.of(summary(tick, 1000))));
        tick++;
      }
      assertThat(mode).isEqualTo(EdgeStateStore.CommitMode.OUTBOX_TRIMMED);
      EdgeOutboxStats trimmed = store.outboxStats();
      assertThat(trimmed.dropped()).isGreaterThanOrEqualTo(16);
      assertThat(store.pending(1).get(0).tick()).as("oldest message left").isEqualTo(trimmed.dropped());
      assertThat(store.lastCommittedTick()).isEqualTo(tick - 1);
      assertThat(log.text()).containsPattern("WARN EdgeStateStore - edge database .*edge\\.db is full \\(SQLITE_FULL.*"
          + "dropped the \\d+ oldest outbox messages .*counted in outbox_dropped; retrying the tick");

      // 2. A message larger than what trimming frees: the tick is committed as checkpoints only.
      long lastTrimmedTick = tick - 1;
      int depth = store.outboxStats().depth();
      mode = store.commitTick(new EdgeTickCommit(tick, everyAgent(tick), List.of(summary(tick, 200_000))));
      assertThat(mode).isEqualTo(EdgeStateStore.CommitMode.CHECKPOINTS_ONLY);
      EdgeOutboxStats checkpointsOnly = store.outboxStats();
      assertThat(checkpointsOnly.dropped() - trimmed.dropped())
          .as("trimmed messages and the tick's own message").isEqualTo(depth - checkpointsOnly.depth() + 1);
      assertThat(store.lastCommittedTick()).isEqualTo(tick);
      assertThat(store.checkpoints()).allSatisfy(c -> {
        assertThat(c.tick()).isEqualTo(store.lastCommittedTick());
        assertThat(c.steps()).isEqualTo(store.lastCommittedTick() + 1);
      });
      assertThat(store.history(0)).extracting(EdgeHistoryEntry::tick).last().isEqualTo(lastTrimmedTick);
      assertThat(log.text()).contains("is still full (SQLITE_FULL", "committed tick " + tick + " as checkpoints only");
      tick++;

      // 3. Even checkpoints do not fit (a new agent with huge beliefs): the tick fails, nothing committed is lost.
      List<EdgeCheckpoint> committed = store.checkpoints();
      long committedTick = store.lastCommittedTick();
      long droppedBefore = store.outboxStats().dropped();
      firstFailed = tick;
      for (int failure = 1; failure <= 3; failure++) {
        List<EdgeAgentUpdate> updates = new ArrayList<>(everyAgent(tick));
        if (failure <= 2) {
          updates.add(huge(tick));
        }
        EdgeTickCommit commit = new EdgeTickCommit(tick, updates, List.of(summary(tick, 100)));
        EdgeStoreException e = catchThrowableOfType(EdgeStoreException.class, () -> store.commitTick(commit));
        assertThat(e.kind()).isEqualTo(EdgeStoreException.Kind.STORAGE_FULL);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains(db().toString(), "SQLITE_FULL",
            "the last committed tick " + committedTick + " is intact");
        assertThat(store.failedCommitsInARow()).isEqualTo(failure);
        assertThat(store.unsavedAgents()).isEqualTo(AGENTS + 1);
        assertThat(store.lastCommittedTick()).isEqualTo(committedTick);
        assertThat(store.checkpoints()).isEqualTo(committed);
        assertThat(store.integrityCheck()).isEmpty();
        tick++;
      }
      assertThat(store.outboxStats().dropped()).isGreaterThan(droppedBefore);

      // 4. Space is back: the next commit writes every kept checkpoint with the steps of all failed ticks.
      assertThat(store.limitPageCount(1_000_000)).isEqualTo(1_000_000);
      long droppedBeforeRecovery = store.outboxStats().dropped();
      assertThat(store.commitTick(new EdgeTickCommit(tick, everyAgent(tick), List.of(summary(tick, 100)))))
          .isEqualTo(EdgeStateStore.CommitMode.COMPLETE);
      assertThat(store.outboxStats().dropped() - droppedBeforeRecovery).as("messages of the 3 failed ticks").isEqualTo(3);
      // The ledger accounts for every drop of every stage: evicted by trimming, refused (checkpoints only, failed).
      EdgeLedgerEntry ledger = store.ledger().kind("tick");
      assertThat(ledger.dropped()).isEqualTo(store.outboxStats().dropped());
      assertThat(ledger.refused()).as("the checkpoints-only tick's message and the 3 failed ticks'").isEqualTo(4);
      assertThat(ledger.pending()).isEqualTo(store.outboxStats().depth());
      assertThat(ledger.spooled() + ledger.refused()).as("every tick's message").isEqualTo(tick + 1);
      assertThat(store.failedCommitsInARow()).isZero();
      assertThat(store.unsavedAgents()).isZero();
      assertThat(log.text()).contains("writable again: tick " + tick + " committed after 3 failed commits");
    }
    assertThat(EdgeStateStore.integrityCheck(db())).isEmpty();
    try (EdgeStateStore store = EdgeStateStore.open(db(), config)) {
      assertThat(store.lastCommittedTick()).isEqualTo(tick);
      List<EdgeCheckpoint> checkpoints = store.checkpoints();
      assertThat(checkpoints).hasSize(AGENTS + 1);
      for (int agent = 0; agent < AGENTS; agent++) {
        EdgeCheckpoint checkpoint = checkpoints.get(agent);
        assertThat(checkpoint.tick()).isEqualTo(tick);
        assertThat(checkpoint.beliefs()).isDeepEqualTo(update(agent, tick).beliefs());
        assertThat(checkpoint.steps()).as("every update of agent %d counted, failed ticks too", agent)
            .isEqualTo(tick + 1);
      }
      EdgeCheckpoint hugeAgent = checkpoints.get(AGENTS);
      assertThat(hugeAgent.agent()).isEqualTo(HUGE_AGENT);
      assertThat(hugeAgent.tick()).as("its newest update, from a failed tick").isEqualTo(firstFailed + 1);
      assertThat(hugeAgent.steps()).isEqualTo(2);
      assertThat(hugeAgent.previousAction()).containsExactly((int) (firstFailed + 1));
    }
  }
}
