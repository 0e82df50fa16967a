package io.freeagentics.demo.internal;

import io.freeagentics.edge.EdgeMqttConfig;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStoreConfig;
import io.freeagentics.edge.EdgeStoreException;
import io.freeagentics.edge.EdgeSync;
import io.freeagentics.edge.EdgeSyncStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the stopped devices still hold in their outboxes, with each device's own store-and-forward sync
 * ({@link EdgeSync}) on its own database: the same code a device runs, started here because the fleet hosts have
 * exited. Devices are drained a batch at a time, each until its outbox is empty or the deadline passes.
 */
public final class OutboxDrain {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxDrain.class);
  private static final int BATCH = 32;

  private OutboxDrain() {
  }

  /**
   * Drains every database in {@code databases} that still holds messages; returns the messages left behind when
   * {@code deadlineMillis} (wall clock) passed first.
   */
  public static long drain(List<Path> databases, String mqttUri, String fleet, long deadlineMillis,
      Consumer<String> progress) throws EdgeStoreException, InterruptedException {
    List<Path> pending = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    long messages = 0;
    for (Path database : databases) {
      int depth = depth(database);
      if (depth > 0) {
        pending.add(database);
        depths.add(depth);
        messages += depth;
      }
    }
    if (pending.isEmpty()) {
      return 0;
    }
    progress.accept(String.format("draining %d messages left in the outboxes of %d devices", messages,
        pending.size()));
    EdgeMqttConfig config = EdgeMqttConfig.of(mqttUri, fleet).withPollMillis(50).withBackoff(100, 1000);
    long left = 0;
    for (int from = 0; from < pending.size(); from += BATCH) {
      int to = Math.min(pending.size(), from + BATCH);
      List<EdgeSync> syncs = new ArrayList<>();
      try {
        for (Path database : pending.subList(from, to)) {
          // Acknowledgements and commands that arrive while draining need no answer: the device is not ticking.
          syncs.add(EdgeSync.start(database, EdgeStoreConfig.defaults(), config, (topic, payload) -> LOG.debug(
              "draining {}: ignoring a message on {}", database, topic)));
        }
        // Nothing else writes to these databases now, so an outbox is empty once its sync has delivered (or
        // dead-lettered) as many messages as it held; counted by the sync itself, without a second connection
        // to a database the sync is writing to.
        for (int i = 0; i < syncs.size(); i++) {
          int depth = depths.get(from + i);
          EdgeSync sync = syncs.get(i);
          sync.awaitStats(stats -> stats.delivered() + stats.deadLettered() >= depth,
              Duration.ofMillis(Math.max(0, deadlineMillis - System.currentTimeMillis())));
          EdgeSyncStats stats = sync.stats();
          left += Math.max(0, depth - stats.delivered() - stats.deadLettered());
        }
      } finally {
        for (EdgeSync sync : syncs) {
          sync.close();
        }
      }
    }
    return left;
  }

  private static int depth(Path database) throws EdgeStoreException {
    try (EdgeStateStore store = EdgeStateStore.open(database, EdgeStoreConfig.defaults())) {
      return store.outboxStats().depth();
    }
  }
}
