package io.freeagentics.cloud.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Fleets. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FleetRepository extends GenericRepository<FleetRow, String> {

  /** Creates the fleet unless it exists (concurrent callers are fine). */
  @Query("INSERT INTO fleet (fleet_id, created_at) VALUES (:fleetId, :createdAt) ON CONFLICT DO NOTHING")
  void insertIfAbsent(String fleetId, Instant createdAt);

  boolean existsByFleetId(String fleetId);

  /** Fleets with an id after {@code after}, in id order, with their device counts (keyset page). */
  @Query("SELECT f.fleet_id, f.created_at,"
      + " (SELECT COUNT(*) FROM device d WHERE d.fleet_id = f.fleet_id) AS devices,"
      + " (SELECT COUNT(*) FROM device d WHERE d.fleet_id = f.fleet_id AND d.online = TRUE) AS online"
      + " FROM fleet f WHERE f.fleet_id > :after ORDER BY f.fleet_id LIMIT :limit")
  List<FleetSummary> page(String after, int limit);
}
