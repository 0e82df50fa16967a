package io.freeagentics.edge;

import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * The publisher process of {@link EdgeSyncIT}: syncs the outbox of a state database to the broker and, with
 * {@code produce}, keeps committing ticks that each add a telemetry frame to it (at most {@link #BACKLOG} ahead of
 * the deliveries), until it is killed. The ticks write before they read, so SQLite's busy timeout covers the sync's
 * concurrent commits on its own connection. Arguments: database, broker URI, fleet, {@code produce} or {@code drain}.
 */
public final class SyncPublisherProcess {
  static final int BACKLOG = 20;
  static final int MAX_MESSAGES = 20_000;

  private SyncPublisherProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: DATABASE BROKER FLEET produce|drain, got " + List.of(args));
    }
    Path database = Path.of(args[0]);
    EdgeStoreConfig storeConfig = EdgeStoreConfig.defaults().withOutboxCapacity(MAX_MESSAGES);
    EdgeStateStore producer = EdgeStateStore.open(database, storeConfig);
    // Ends the read transaction the store's opening leaves behind; the sync's commits would make it stale.
    producer.outboxStats();
    EdgeSync sync = EdgeSync.start(database, storeConfig, EdgeMqttConfig.of(args[1], args[2]).withBackoff(50, 1000),
        (topic, payload) -> { });
    if ("produce".equals(args[3])) {
      for (int produced = 1; produced <= MAX_MESSAGES; produced++) {
        // As the runtime does: the message joins the outbox in the commit of a tick (one agent, two states).
        producer.commitTick(new EdgeTickCommit(producer.lastCommittedTick() + 1,
            List.of(new EdgeAgentUpdate(0, new int[] {produced % 2}, new float[][] {{0.25f, 0.75f}}, new int[] {0})),
            List.of(new EdgeOutgoing("telemetry", WireCodec.encode(new Telemetry(
                new MessageHeader("unstamped", 0, System.currentTimeMillis()), OptionalInt.empty(), false,
                OptionalInt.empty(), 100, 1, 0, 1, 1, 1)), 0))));
        long ahead = produced - BACKLOG;
        if (!sync.awaitStats(s -> s.delivered() >= ahead, Duration.ofSeconds(30))) {
          throw new IllegalStateException("the sync fell behind: " + sync.stats());
        }
      }
    }
    new CountDownLatch(1).await();
  }

}
