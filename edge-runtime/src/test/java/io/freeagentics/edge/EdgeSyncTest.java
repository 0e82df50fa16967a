package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.FakeSyncLink;
import io.freeagentics.edge.internal.SyncSequences;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeSyncTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private EdgeSync start(FakeSyncLink link, int messages) throws Exception {
    Path database = dir.resolve("edge.db");
    EdgeStateStore store = EdgeStateStore.open(database, EdgeStoreConfig.defaults());
    List<EdgeOutgoing> outgoing = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      outgoing.add(new EdgeOutgoing("telemetry", WireCodec.encode(new Telemetry(new MessageHeader("x", 0, i),
          OptionalInt.empty(), false, OptionalInt.empty(), 100, 1, 0, 10, 1, 2)), 0));
    }
    store.enqueue(outgoing);
    EdgeMqttConfig config = EdgeMqttConfig.of("tcp://127.0.0.1:1", "fleet").withBackoff(2, 8).withMaxInflight(3);
    return EdgeSync.start(store, SyncSequences.open(database), link, config);
  }

  @Test
  void afterFailedConnectsEveryMessageIsDeliveredAndTheSubscriptionsAreMadeOnTheSyncThread() throws Exception {
    FakeSyncLink link = new FakeSyncLink().failConnects(4);
    EdgeSync sync = start(link, 20);
    try {
      assertThat(sync.awaitStats(s -> s.delivered() == 20, WAIT)).as("all delivered: %s", sync.stats()).isTrue();
      EdgeSyncStats stats = sync.stats();
      assertThat(stats.connectFailures()).isEqualTo(4);
      assertThat(stats.connects()).isEqualTo(1);
      assertThat(link.maxOutstanding()).isLessThanOrEqualTo(3);
      String prefix = "fa/v1/fleet/" + sync.deviceId() + "/";
      assertThat(link.subscriptions()).containsExactly(prefix + "command", prefix + "ack");
      assertThat(link.subscribingThreads()).containsOnly("edge-sync");
      FakeSyncLink.Published online = link.published().get(0);
      assertThat(online.topic()).isEqualTo(prefix + "presence");
      assertThat(online.retained()).isTrue();
      assertThat(((Presence) WireCodec.decode(online.payload())).online()).isTrue();
      Presence will = (Presence) WireCodec.decode(link.will());
      assertThat(will.online()).isFalse();
      assertThat(will.header().sequence()).isGreaterThanOrEqualTo(SyncSequences.BASE)
          .isNotEqualTo(WireCodec.decode(online.payload()).header().sequence());
    } finally {
      sync.close();
    }
    FakeSyncLink.Published last = link.published().get(link.published().size() - 1);
    WireMessage offline = WireCodec.decode(last.payload());
    assertThat(offline).isInstanceOf(Presence.class);
    assertThat(((Presence) offline).online()).isFalse();
  }

  @Test
  void aDroppedConnectionIsReestablishedAndNothingIsLost() throws Exception {
    FakeSyncLink link = new FakeSyncLink().dropAfter(5);
    EdgeSync sync = start(link, 30);
    try {
      assertThat(sync.awaitStats(s -> s.delivered() == 30, WAIT)).as("all delivered: %s", sync.stats()).isTrue();
      assertThat(link.connects()).isEqualTo(2);
    } finally {
      sync.close();
    }
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults())) {
      assertThat(store.outboxStats().depth()).isZero();
      assertThat(store.outboxStats().deadLetters()).isZero();
    }
  }

  @Test
  void presenceSequencesNeverRepeatAcrossRestarts() throws Exception {
    Path database = dir.resolve("edge.db");
    EdgeStateStore.open(database, EdgeStoreConfig.defaults()).close();
    long first;
    try (SyncSequences sequences = SyncSequences.open(database)) {
      first = sequences.next();
      assertThat(sequences.next()).isEqualTo(first + 1);
    }
    try (SyncSequences sequences = SyncSequences.open(database)) {
      assertThat(sequences.next()).isEqualTo(first + 2);
    }
  }

  @Test
  void badBrokerOrFleetIsRefusedWithTheValue() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeMqttConfig.of("http://x:1", "f"))
        .hasMessageContaining("http://x:1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeMqttConfig.of("tcp://x:1883", "a/b"))
        .hasMessageContaining("'a/b'");
  }
}
