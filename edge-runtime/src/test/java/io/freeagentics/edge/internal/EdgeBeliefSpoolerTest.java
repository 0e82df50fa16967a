package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.EdgeAgentUpdate;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStoreConfig;
import io.freeagentics.edge.EdgeTickCommit;
import io.freeagentics.edge.EdgeUplinkConfig;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The belief spooler against a real store: snapshot until the cloud acknowledges, then deltas against the newest
 * acknowledged message when smaller, an acknowledgement of an unknown or older message changes nothing, a snapshot
 * at least every {@code snapshotEveryMessages}, messages every {@code beliefEveryTicks}, and after a restart deltas
 * continue against the persisted base.
 */
class EdgeBeliefSpoolerTest {
  private static final int AGENTS = 20;
  private static final int STATES = 25;
  private static final int PRIORITY = 6;

  @TempDir
  Path dir;

  /** Settled beliefs: agent {@code a} is sure of cell {@code (a + shift) % STATES}. */
  private static float[][] settled(int agent, int shift) {
    float[] beliefs = new float[STATES];
    java.util.Arrays.fill(beliefs, 0.02f / (STATES - 1));
    beliefs[(agent + shift) % STATES] = 0.98f;
    return new float[][] {beliefs};
  }

  /** Every agent updates; only agent 0 moves (by {@code tick}), the others keep their cell. */
  private static List<EdgeAgentUpdate> updates(long tick) {
    List<EdgeAgentUpdate> updates = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      updates.add(new EdgeAgentUpdate(a, new int[] {0}, settled(a, a == 0 ? (int) tick : 0), new int[] {0}));
    }
    return updates;
  }

  /** One tick through spooler and store, as the runtime does it; returns the spooled frame's message (or null). */
  private static Spooled tick(EdgeStateStore store, EdgeBeliefSpooler spooler, long tick) throws Exception {
    List<EdgeAgentUpdate> updates = updates(tick);
    EdgeBeliefSpooler.Prepared prepared = spooler.prepare(tick, 1_000_000 + tick, updates);
    List<io.freeagentics.edge.EdgeOutgoing> outgoing = prepared.message() == null ? List.of()
        : List.of(prepared.message());
    store.commitTick(new EdgeTickCommit(tick, updates, outgoing, prepared.writes(), List.of(), false));
    long id = outgoing.isEmpty() ? -1 : store.lastSpooledIds().get(0);
    spooler.committed(prepared, id);
    return outgoing.isEmpty() ? null
        : new Spooled(id, WireCodec.decode(outgoing.get(0).payload()), prepared.reconstructed());
  }

  private record Spooled(long sequence, WireMessage message, BeliefSet reconstructed) {}

  private EdgeStateStore open() throws Exception {
    return EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults(), "dev-1");
  }

  private static EdgeUplinkConfig uplink() {
    return EdgeUplinkConfig.defaults("sim").withSnapshotEveryMessages(1000).withDeltaThresholdCodes(0);
  }

  @Test
  void snapshotsUntilAnAcknowledgementThenDeltasAgainstIt() throws Exception {
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink(), List.of(STATES), PRIORITY);
      Spooled first = tick(store, spooler, 0);
      Spooled second = tick(store, spooler, 1);
      assertThat(first.message()).isInstanceOf(BeliefSnapshot.class);
      assertThat(second.message()).as("no acknowledgement yet: no base").isInstanceOf(BeliefSnapshot.class);
      assertThat(((BeliefSnapshot) first.message()).beliefs().agents()).hasSize(AGENTS);
      assertThat(first.message().header().timestampMillis()).as("the tick's wall clock").isEqualTo(1_000_000);

      spooler.acknowledged(first.sequence());
      Spooled third = tick(store, spooler, 2);
      assertThat(third.message()).isInstanceOf(BeliefDelta.class);
      BeliefDelta delta = (BeliefDelta) third.message();
      assertThat(delta.baseSequence()).isEqualTo(first.sequence());
      assertThat(delta.changes()).as("only agent 0 moved").hasSize(1);
      BeliefSet rebuilt = delta.applyTo(first.sequence(), ((BeliefSnapshot) first.message()).beliefs());
      assertThat(rebuilt).as("threshold 0: the cloud rebuilds the device's beliefs exactly; agents without a change "
          + "keep the tick of the base").isEqualTo(expected(2, 0));
      assertThat(third.reconstructed()).isEqualTo(rebuilt);
      assertThat(spooler.base().orElseThrow().sequence()).isEqualTo(first.sequence());

      // The newest acknowledged message becomes the base; an older or unknown acknowledgement changes nothing.
      spooler.acknowledged(third.sequence());
      spooler.acknowledged(second.sequence());
      spooler.acknowledged(987_654);
      Spooled fourth = tick(store, spooler, 3);
      assertThat(((BeliefDelta) fourth.message()).baseSequence()).isEqualTo(third.sequence());
      assertThat(((BeliefDelta) fourth.message()).applyTo(third.sequence(), third.reconstructed()))
          .isEqualTo(expected(3, 0));
      assertThat(spooler.stats().unknownAcknowledgements()).isEqualTo(1);
      spooler.acknowledged(first.sequence());
      Spooled fifth = tick(store, spooler, 4);
      assertThat(((BeliefDelta) fifth.message()).baseSequence()).as("never back to an older base")
          .isEqualTo(third.sequence());
    }
  }

  @Test
  void aSnapshotAtLeastEverySnapshotEveryMessages() throws Exception {
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink().withSnapshotEveryMessages(4), List.of(STATES),
          PRIORITY);
      List<Boolean> snapshots = new ArrayList<>();
      for (long t = 0; t < 13; t++) {
        Spooled spooled = tick(store, spooler, t);
        snapshots.add(spooled.message() instanceof BeliefSnapshot);
        spooler.acknowledged(spooled.sequence());
      }
      assertThat(snapshots).containsExactly(true, false, false, false, true, false, false, false, true, false, false,
          false, true);
    }
  }

  @Test
  void aMessageEveryBeliefEveryTicksWithTheNewestBeliefs() throws Exception {
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink().withBeliefEveryTicks(3), List.of(STATES),
          PRIORITY);
      List<Long> ticksWithMessage = new ArrayList<>();
      for (long t = 0; t < 9; t++) {
        Spooled spooled = tick(store, spooler, t);
        if (spooled != null) {
          ticksWithMessage.add(t);
          assertThat(((BeliefSnapshot) spooled.message()).beliefs()).isEqualTo(expected(t, t));
        }
      }
      assertThat(ticksWithMessage).containsExactly(0L, 3L, 6L);
    }
  }

  @Test
  void afterARestartDeltasContinueAgainstThePersistedBase() throws Exception {
    long baseSequence;
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink(), List.of(STATES), PRIORITY);
      Spooled first = tick(store, spooler, 0);
      spooler.acknowledged(first.sequence());
      tick(store, spooler, 1);
      baseSequence = first.sequence();
    }
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink(), List.of(STATES), PRIORITY);
      assertThat(spooler.base().orElseThrow().sequence()).isEqualTo(baseSequence);
      Spooled next = tick(store, spooler, 2);
      assertThat(next.message()).isInstanceOf(BeliefDelta.class);
      assertThat(((BeliefDelta) next.message()).baseSequence()).isEqualTo(baseSequence);
      assertThat(((BeliefDelta) next.message()).applyTo(baseSequence, spooler.base().get().beliefs()))
          .isEqualTo(expected(2, 0));
    }
  }

  @Test
  void theSnapshotCountSurvivesARestart() throws Exception {
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink().withSnapshotEveryMessages(3), List.of(STATES),
          PRIORITY);
      Spooled first = tick(store, spooler, 0);
      spooler.acknowledged(first.sequence());
      assertThat(tick(store, spooler, 1).message()).isInstanceOf(BeliefDelta.class);
    }
    try (EdgeStateStore store = open()) {
      EdgeBeliefSpooler spooler = EdgeBeliefSpooler.load(store, uplink().withSnapshotEveryMessages(3), List.of(STATES),
          PRIORITY);
      assertThat(tick(store, spooler, 2).message()).as("one delta before the restart, one after")
          .isInstanceOf(BeliefDelta.class);
      assertThat(tick(store, spooler, 3).message()).as("the third message after the snapshot")
          .isInstanceOf(BeliefSnapshot.class);
    }
  }

  /**
   * The beliefs every agent has after {@code tick}, quantised as the wire carries them, agent 0 at {@code tick}, the
   * others (whose beliefs never change) at {@code othersTick}.
   */
  private static BeliefSet expected(long tick, long othersTick) {
    List<AgentBeliefs> agents = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      agents.add(new AgentBeliefs(a, a == 0 ? tick : othersTick,
          List.of(BeliefCodes.quantize(settled(a, a == 0 ? (int) tick : 0)[0]))));
    }
    return new BeliefSet(List.of(STATES), agents);
  }
}
