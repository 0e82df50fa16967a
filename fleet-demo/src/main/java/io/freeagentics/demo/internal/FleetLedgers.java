package io.freeagentics.demo.internal;

import io.freeagentics.edge.EdgeLedgerEntry;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStoreConfig;
import io.freeagentics.edge.EdgeStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The edge side of the demo's accounting: each device's own ledger of belief messages and events (kept in its
 * database in the same transactions as its ticks), read after the fleet stopped.
 */
public final class FleetLedgers {
  /** The message kind of belief messages in the ledgers. */
  static final String BELIEFS = "beliefs";
  /** The message kind of device events in the ledgers. */
  static final String EVENTS = "events";

  private FleetLedgers() {
  }

  /** One device's ledger of belief messages and events. */
  public record DeviceLedger(String device, Path database, EdgeLedgerEntry beliefs, EdgeLedgerEntry events) {
    /** Belief messages the device produced: committed to its outbox, or refused by a full outbox. */
    public long produced() {
      return beliefs.spooled() + beliefs.refused();
    }

    /** Events the device produced, counted like {@link #produced()}. */
    public long eventsProduced() {
      return events.spooled() + events.refused();
    }
  }

  /** Every device database under {@code edgeDir} ({@code <edgeDir>/<device>/edge.db}). */
  public static List<Path> databases(Path edgeDir) throws IOException {
    List<Path> databases = new ArrayList<>();
    if (!Files.isDirectory(edgeDir)) {
      return databases;
    }
    try (Stream<Path> devices = Files.list(edgeDir)) {
      for (Path dir : devices.sorted().toList()) {
        Path database = dir.resolve("edge.db");
        if (Files.isRegularFile(database)) {
          databases.add(database);
        }
      }
    }
    return databases;
  }

  /** The ledgers of every device under {@code edgeDir}, by device id. */
  public static Map<String, DeviceLedger> read(Path edgeDir) throws IOException, EdgeStoreException {
    Map<String, DeviceLedger> ledgers = new TreeMap<>();
    for (Path database : databases(edgeDir)) {
      try (EdgeStateStore store = EdgeStateStore.open(database, EdgeStoreConfig.defaults())) {
        ledgers.put(store.deviceId(), new DeviceLedger(store.deviceId(), database, store.ledger().kind(BELIEFS),
            store.ledger().kind(EVENTS)));
      }
    }
    return ledgers;
  }
}
