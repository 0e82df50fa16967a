package io.freeagentics.cloud.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Commands sent to devices and their status. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CommandRepository extends GenericRepository<CommandRow, Long> {

  CommandRow save(CommandRow command);

  Optional<CommandRow> findById(Long id);

  /**
   * The device's commands with an id below {@code before}, newest first (keyset page), without their payload (a
   * model may be 512 KiB): {@code payload} is empty in the rows of model updates.
   */
  @Query("SELECT id, device_pk, kind, model_name, model_version, profile_id,"
      + " CASE WHEN kind = 'PROFILE_OVERRIDE' THEN payload ELSE '' END AS payload, status, detail,"
      + " requested_by, created_at, updated_at, acked_at FROM device_command"
      + " WHERE device_pk = :devicePk AND id < :before ORDER BY id DESC LIMIT :limit")
  List<CommandRow> page(long devicePk, long before, int limit);

  /** Moves a command out of PENDING (to SENT, or FAILED when the broker did not take it). */
  @Query("UPDATE device_command SET status = :status, detail = :detail, updated_at = :at"
      + " WHERE id = :id AND status = 'PENDING'")
  int updateFromPending(long id, String status, String detail, Instant at);

  /**
   * Records a device's acknowledgement unless the device already acknowledged a final status (APPLIED, REJECTED,
   * FAILED): a repeated or late acknowledgement changes nothing.
   *
   * @return 1 when recorded, 0 otherwise (unknown command, another device's, or already final)
   */
  @Query("UPDATE device_command SET status = :status, detail = :detail, updated_at = :at, acked_at = :at"
      + " WHERE id = :id AND device_pk = :devicePk"
      + " AND NOT (acked_at IS NOT NULL AND status IN ('APPLIED', 'REJECTED', 'FAILED'))")
  int applyAck(long id, long devicePk, String status, String detail, Instant at);
}
