package io.freeagentics.cloud.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Map;

/** Writes devices' last-seen times in one JDBC batch (the ingest sees a device on every message). */
@Singleton
public class LastSeenWriter {
  private final JdbcOperations jdbc;

  public LastSeenWriter(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Moves each device's {@code last_seen} forward to the given time (never backward).
   *
   * @param lastSeenMillis device key ({@link DeviceRow#id()}) to epoch milliseconds
   * @return the number of devices whose time moved
   */
  @Transactional
  public int write(Map<Long, Long> lastSeenMillis) {
    if (lastSeenMillis.isEmpty()) {
      return 0;
    }
    return jdbc.prepareStatement("UPDATE device SET last_seen = ? WHERE id = ? AND last_seen < ?",
        (PreparedStatement statement) -> {
          for (Map.Entry<Long, Long> entry : lastSeenMillis.entrySet()) {
            Timestamp at = new Timestamp(entry.getValue());
            statement.setTimestamp(1, at);
            statement.setLong(2, entry.getKey());
            statement.setTimestamp(3, at);
            statement.addBatch();
          }
          int moved = 0;
          for (int count : statement.executeBatch()) {
            moved += Math.max(count, 0);
          }
          return moved;
        });
  }
}
