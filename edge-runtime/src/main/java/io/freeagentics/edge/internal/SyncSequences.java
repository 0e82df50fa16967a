package io.freeagentics.edge.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Wire sequences of the messages the sync makes itself (presence: online, offline, the last will), which have no
 * outbox row. They count in their own table {@code sync_sequence} of the state database and live in the upper
 * half of the sequence range, {@code 2^62 + n}, apart from outbox messages whose sequence is their row id (which
 * would need 2^62 messages to get there). Each is committed before use, so none repeats after a crash or restart.
 */
public final class SyncSequences implements AutoCloseable {
  /** First sequence of this range. */
  public static final long BASE = 1L << 62;

  private final Connection connection;

  private SyncSequences(Connection connection) {
    this.connection = connection;
  }

  /** Opens the counter in the database file (the table is created when missing). */
  public static SyncSequences open(Path database) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(5000);
    Connection connection = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE IF NOT EXISTS sync_sequence (singleton INTEGER PRIMARY KEY "
          + "CHECK (singleton = 1), next INTEGER NOT NULL)");
      statement.executeUpdate("INSERT OR IGNORE INTO sync_sequence (singleton, next) VALUES (1, 0)");
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return new SyncSequences(connection);
  }

  /** A sequence never handed out before from this database. */
  public synchronized long next() throws SQLException {
    try (PreparedStatement bump = connection.prepareStatement(
            "UPDATE sync_sequence SET next = next + 1 WHERE singleton = 1 RETURNING next");
        ResultSet rows = bump.executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("sync_sequence has no row");
      }
      return BASE + rows.getLong(1);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }
}
