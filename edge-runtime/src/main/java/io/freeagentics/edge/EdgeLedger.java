package io.freeagentics.edge;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox ledger of a device, per message kind ({@link EdgeLedgerEntry}): what the device produced against what
 * it delivered or shed. Read with {@link EdgeStateStore#ledger()}.
 */
public record EdgeLedger(Map<String, EdgeLedgerEntry> kinds) {

  public EdgeLedger {
    if (kinds == null) {
      throw new IllegalArgumentException("kinds must not be null");
    }
    kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
  }

  /** The entry of {@code kind}, zero when the kind never occurred. */
  public EdgeLedgerEntry kind(String kind) {
    EdgeLedgerEntry entry = kinds.get(kind);
    return entry != null ? entry : new EdgeLedgerEntry(kind, 0, 0, 0, 0, 0);
  }

  /** The sum over every kind (named {@code all}). */
  public EdgeLedgerEntry total() {
    EdgeLedgerEntry sum = new EdgeLedgerEntry("all", 0, 0, 0, 0, 0);
    for (EdgeLedgerEntry entry : kinds.values()) {
      sum = sum.plus(new EdgeLedgerEntry("all", entry.spooled(), entry.delivered(), entry.evicted(), entry.refused(),
          entry.deadLettered()));
    }
    return sum;
  }

  /** One line per kind: {@code beliefs spooled 120, delivered 118, pending 2, evicted 0, refused 0, dead 0}. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (EdgeLedgerEntry e : kinds.values()) {
      text.append(String.format("  %-12s spooled %d, delivered %d, pending %d, evicted %d, refused %d, dead %d%n",
          e.kind(), e.spooled(), e.delivered(), e.pending(), e.evicted(), e.refused(), e.deadLettered()));
    }
    return text.toString();
  }
}
