package io.freeagentics.cloud.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Device twins: every change of the reported state increments its version, every change of the desired state its. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TwinRepository extends GenericRepository<TwinRow, Long> {

  Optional<TwinRow> findById(Long devicePk);

  /** Creates the empty twin of a device unless it exists; both versions start at 0. */
  @Query("INSERT INTO twin (device_pk, reported_version, desired_version) VALUES (:devicePk, 0, 0)"
      + " ON CONFLICT DO NOTHING")
  void insertIfAbsent(long devicePk);

  /**
   * Records telemetry unless newer telemetry (by the device's clock) was recorded already, as happens when a
   * device's spool delivers old messages late.
   *
   * @return 1 when recorded, 0 when older than the recorded telemetry
   */
  @Query("UPDATE twin SET reported_version = reported_version + 1, reported_at = :at, telemetry_at = :telemetryAt,"
      + " battery_per_mille = :battery, charging = :charging, temperature_deci_celsius = :temperature,"
      + " tick_interval_millis = :tickInterval, agents = :agents, spool_depth = :spoolDepth,"
      + " spool_capacity = :spoolCapacity, memory_used_bytes = :memoryUsed, memory_max_bytes = :memoryMax"
      + " WHERE device_pk = :devicePk AND (telemetry_at IS NULL OR telemetry_at <= :telemetryAt)")
  int updateTelemetry(long devicePk, Instant at, Instant telemetryAt, @Nullable Integer battery, boolean charging,
      @Nullable Integer temperature, int tickInterval, int agents, int spoolDepth, int spoolCapacity,
      long memoryUsed, long memoryMax);

  /** Increments the reported version (the device's presence, kept on the device row, changed). */
  @Query("UPDATE twin SET reported_version = reported_version + 1, reported_at = :at WHERE device_pk = :devicePk")
  int bumpReported(long devicePk, Instant at);

  /** Records the model the device acknowledged as applied. */
  @Query("UPDATE twin SET reported_version = reported_version + 1, reported_at = :at, model_name = :modelName,"
      + " model_version = :modelVersion, model_command_id = :commandId WHERE device_pk = :devicePk")
  int updateReportedModel(long devicePk, Instant at, String modelName, @Nullable Long modelVersion, long commandId);

  /** Records the profile (and its overridden settings, a JSON object) the device acknowledged as applied. */
  @Query("UPDATE twin SET reported_version = reported_version + 1, reported_at = :at, profile_id = :profileId,"
      + " profile_settings = :settings, profile_command_id = :commandId WHERE device_pk = :devicePk")
  int updateReportedProfile(long devicePk, Instant at, String profileId, String settings, long commandId);

  /**
   * Replaces the desired state if its version is still {@code expectedVersion} (optimistic concurrency).
   *
   * @return 1 when replaced (the version is now {@code expectedVersion + 1}), 0 when the version differed
   */
  @Query("UPDATE twin SET desired_version = desired_version + 1, desired_at = :at, desired_by = :by,"
      + " desired_model_name = :modelName, desired_model_version = :modelVersion, desired_profile_id = :profileId,"
      + " desired_profile_settings = :profileSettings"
      + " WHERE device_pk = :devicePk AND desired_version = :expectedVersion")
  int updateDesired(long devicePk, long expectedVersion, Instant at, String by, @Nullable String modelName,
      @Nullable Long modelVersion, @Nullable String profileId, @Nullable String profileSettings);
}
