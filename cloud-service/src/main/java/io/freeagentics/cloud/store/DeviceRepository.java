package io.freeagentics.cloud.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Devices; {@link LastSeenWriter} writes their last-seen times in batches. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeviceRepository extends GenericRepository<DeviceRow, Long> {

  Optional<DeviceRow> findByFleetIdAndDeviceId(String fleetId, String deviceId);

  /** Registers the device unless it exists (concurrent callers are fine); it starts offline. */
  @Query("INSERT INTO device (fleet_id, device_id, first_seen, last_seen, online)"
      + " VALUES (:fleetId, :deviceId, :seenAt, :seenAt, FALSE) ON CONFLICT DO NOTHING")
  void insertIfAbsent(String fleetId, String deviceId, Instant seenAt);

  /** The fleet's devices with an id after {@code after}, in id order (keyset page). */
  @Query("SELECT * FROM device WHERE fleet_id = :fleetId AND device_id > :after ORDER BY device_id LIMIT :limit")
  List<DeviceRow> page(String fleetId, String after, int limit);

  /** As {@link #page} for the devices that are (or are not) online. */
  @Query("SELECT * FROM device WHERE fleet_id = :fleetId AND online = :online AND device_id > :after"
      + " ORDER BY device_id LIMIT :limit")
  List<DeviceRow> pageByOnline(String fleetId, boolean online, String after, int limit);

  /**
   * Records a presence message unless a later-received one was recorded already (retained presence is delivered
   * again when the service reconnects; the device's own clock cannot order a last will against its online message).
   *
   * @return 1 when recorded, 0 when older than the recorded one
   */
  @Query("UPDATE device SET online = :online, presence_received_at = :receivedAt WHERE id = :id"
      + " AND (presence_received_at IS NULL OR presence_received_at <= :receivedAt)")
  int updatePresence(long id, boolean online, Instant receivedAt);
}
