package io.freeagentics.edge.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema as plain numbered migrations: migration {@code i} (1-based) takes the database from
 * {@code PRAGMA user_version = i - 1} to {@code i}, in its own transaction. Flyway is not used: it would add a
 * megabyte-sized jar, hundreds of classes loaded at every start and a metadata table, for a schema of a few
 * tables on one device; SQLite's own {@code user_version} header field is enough to know where a file stands.
 * Migrations are only ever appended, never edited.
 */
public final class SqliteSchema {
  /** One list of statements per version. */
  private static final List<List<String>> MIGRATIONS = List.of(List.of(
      "CREATE TABLE device (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), device_id TEXT NOT NULL, "
          + "created_at_ms INTEGER NOT NULL)",
      "CREATE TABLE tick_state (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), last_tick INTEGER NOT NULL)",
      "CREATE TABLE checkpoint (agent INTEGER PRIMARY KEY, tick INTEGER NOT NULL, beliefs BLOB NOT NULL, "
          + "previous_action BLOB NOT NULL)",
      "CREATE TABLE history (agent INTEGER NOT NULL, slot INTEGER NOT NULL, tick INTEGER NOT NULL, "
          + "observation BLOB NOT NULL, action BLOB NOT NULL, PRIMARY KEY (agent, slot)) WITHOUT ROWID",
      "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload BLOB NOT NULL, "
          + "priority INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, tick INTEGER NOT NULL, "
          + "last_error TEXT)",
      "CREATE INDEX outbox_by_priority ON outbox (priority, id)",
      "CREATE TABLE dead_letter (id INTEGER PRIMARY KEY, topic TEXT NOT NULL, payload BLOB NOT NULL, "
          + "priority INTEGER NOT NULL, attempts INTEGER NOT NULL, tick INTEGER NOT NULL, reason TEXT NOT NULL)",
      "CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
      "INSERT INTO counter (name, value) VALUES ('outbox_dropped', 0)"),
      // 2: the agent's step count (updates committed for it), which keys its random numbers, so that a restored
      // agent continues its random stream. Checkpoints written before get the number of their stored history
      // entries: the count the history replay of version 1 left the agent with, exact when the history reaches
      // back to the agent's first tick.
      List.of(
          "ALTER TABLE checkpoint ADD COLUMN steps INTEGER NOT NULL DEFAULT 0",
          "UPDATE checkpoint SET steps = (SELECT COUNT(*) FROM history WHERE history.agent = checkpoint.agent)"),
      // 3: the sync's ledger per message kind (spooled, delivered, evicted, refused, dead-lettered: what was
      // produced against what was shed), the sync state (acknowledged belief base, overrides, active model) and
      // the commands received with their status (a repeated command id is re-acknowledged, never applied twice).
      // Messages already waiting count as spooled, dead letters as spooled and dead-lettered.
      List.of(
          "CREATE TABLE ledger (kind TEXT PRIMARY KEY, spooled INTEGER NOT NULL DEFAULT 0, "
              + "delivered INTEGER NOT NULL DEFAULT 0, evicted INTEGER NOT NULL DEFAULT 0, "
              + "refused INTEGER NOT NULL DEFAULT 0, dead_lettered INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
          "INSERT INTO ledger (kind, spooled) SELECT topic, COUNT(*) FROM outbox GROUP BY topic",
          "INSERT INTO ledger (kind, spooled, dead_lettered) SELECT topic, COUNT(*), COUNT(*) FROM dead_letter "
              + "WHERE true GROUP BY topic ON CONFLICT (kind) DO UPDATE SET spooled = spooled + excluded.spooled, "
              + "dead_lettered = excluded.dead_lettered",
          "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID",
          "CREATE TABLE command (id INTEGER PRIMARY KEY, status TEXT NOT NULL, detail TEXT NOT NULL, "
              + "action TEXT NOT NULL, tick INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL)"));

  private SqliteSchema() {}

  /** The version this program writes. */
  public static int currentVersion() {
    return MIGRATIONS.size();
  }

  /**
   * Brings the database to {@link #currentVersion()}; returns the version it had before ({@code 0} = empty).
   *
   * @throws SQLException when a migration fails (its transaction is rolled back) or the file is newer than this
   *     program (a {@link SQLException} naming both versions)
   */
  public static int migrate(Connection connection) throws SQLException {
    int found = userVersion(connection);
    if (found > currentVersion()) {
      throw new SQLException("database schema version " + found + " is newer than this program's "
          + currentVersion() + ": run a newer edge runtime or move the file away");
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (int version = found + 1; version <= currentVersion(); version++) {
        for (String sql : MIGRATIONS.get(version - 1)) {
          statement.execute(sql);
        }
        statement.execute("PRAGMA user_version = " + version);
        connection.commit();
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return found;
  }

  static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
