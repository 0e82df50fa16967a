package io.freeagentics.edge;

/**
 * The ledger of one message kind since the database was created: messages {@code spooled} (committed to the
 * outbox, in the same transaction as what produced them), {@code delivered} (acknowledged by the broker and removed),
 * {@code evicted} (committed, then removed unsent by the outbox bound or to free a full disk), {@code refused}
 * (never committed: lower priority than everything waiting in a full outbox, or produced by a tick whose commit
 * failed or was saved as checkpoints only) and {@code deadLettered} (given up after the store's attempts).
 * Every spooled message ends delivered, evicted or dead-lettered, or is still {@link #pending()}.
 */
public record EdgeLedgerEntry(String kind, long spooled, long delivered, long evicted, long refused,
    long deadLettered) {

  public EdgeLedgerEntry {
    if (kind == null || kind.isEmpty()) {
      throw new IllegalArgumentException("kind must not be empty");
    }
    if (spooled < 0 || delivered < 0 || evicted < 0 || refused < 0 || deadLettered < 0) {
      throw new IllegalArgumentException("ledger counts must not be negative (kind " + kind + ")");
    }
  }

  /** Spooled messages still waiting in the outbox. */
  public long pending() {
    return spooled - delivered - evicted - deadLettered;
  }

  /** Messages produced but not delivered because of the bound or a full disk: evicted plus refused. */
  public long dropped() {
    return evicted + refused;
  }

  /** The sum of two entries of the same kind. */
  public EdgeLedgerEntry plus(EdgeLedgerEntry other) {
    return new EdgeLedgerEntry(kind, spooled + other.spooled, delivered + other.delivered, evicted + other.evicted,
        refused + other.refused, deadLettered + other.deadLettered);
  }
}
