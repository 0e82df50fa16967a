package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.wire.DeviceEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The SQL of table {@code device_event} ({@code db/migration/V4__events.sql}) on the write side: a batched insert of
 * the events of a batch, and which keys are already stored. Works on H2 2.x and PostgreSQL; the caller owns the
 * connection and its transaction.
 */
final class EventStore {
  private static final String INSERT = "INSERT INTO device_event (fleet, device, sequence, kind, edge_millis, "
      + "stored_millis, body) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_EXISTS = "SELECT 1 FROM device_event WHERE fleet = ? AND device = ? "
      + "AND sequence = ?";

  /** Writes the events (their {@link Inbound#message()} is a {@link DeviceEvent}), without committing. */
  void insert(Connection connection, List<Inbound> events, long storedMillis) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Inbound in : events) {
        DeviceEvent event = (DeviceEvent) in.message();
        BeliefStore.bind(insert, in.key());
        insert.setString(4, event.kind());
        insert.setLong(5, event.header().timestampMillis());
        insert.setLong(6, storedMillis);
        insert.setString(7, event.body());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The keys among {@code keys} that are stored already. */
  Set<MessageKey> existing(Connection connection, Collection<MessageKey> keys) throws SQLException {
    return BeliefStore.existing(connection, SELECT_EXISTS, keys);
  }
}
