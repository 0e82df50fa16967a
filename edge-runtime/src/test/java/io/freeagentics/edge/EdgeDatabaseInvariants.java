package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.BlobCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads an edge database left behind by a runtime (after a clean stop or a kill) and checks what must always hold:
 * SQLite's integrity check passes, the outbox is within its capacity, every checkpointed belief distribution sums
 * to 1 with no NaN or negative entry, and no agent has more history entries than the history length.
 */
final class EdgeDatabaseInvariants {
  private EdgeDatabaseInvariants() {}

  /** Checks the invariants and returns the last committed tick ({@code -1} when none). */
  static long check(Path database, int outboxCapacity, int historyLength) throws Exception {
    assertThat(EdgeStateStore.integrityCheck(database)).as("integrity_check of %s", database).isEmpty();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement statement = connection.createStatement()) {
      if (!hasTable(statement, "tick_state")) {
        return -1;
      }
      assertThat(longOf(statement, "SELECT COUNT(*) FROM outbox")).as("outbox depth").isLessThanOrEqualTo(outboxCapacity);
      assertThat(longOf(statement, "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM history GROUP BY agent)"))
          .as("history entries per agent").isLessThanOrEqualTo(historyLength);
      try (ResultSet rows = statement.executeQuery("SELECT agent, beliefs FROM checkpoint")) {
        while (rows.next()) {
          float[][] beliefs = BlobCodec.decodeBeliefs(rows.getBytes(2));
          for (float[] factor : beliefs) {
            double sum = 0;
            for (float p : factor) {
              assertThat(p).as("belief of agent %d", rows.getInt(1)).isNotNaN().isGreaterThanOrEqualTo(0f);
              sum += p;
            }
            assertThat(sum).as("belief sum of agent %d", rows.getInt(1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
          }
        }
      }
      return longOf(statement, "SELECT COALESCE(MAX(last_tick), -1) FROM tick_state");
    }
  }

  private static boolean hasTable(Statement statement, String table) throws SQLException {
    try (ResultSet rows = statement.executeQuery(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
      return rows.next() && rows.getInt(1) == 1;
    }
  }

  private static long longOf(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
