package io.freeagentics.cloud.ingest.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SQL of the belief tables ({@code db/migration/V2__beliefs.sql}) on the write side: batched inserts of messages
 * and history rows, the per-device row, and the lookups the writer needs (stored states as delta bases, which keys
 * exist). Works on H2 2.x and PostgreSQL; the caller owns the connection and its transaction.
 */
public final class BeliefStore {
  private static final String INSERT_MESSAGE = "INSERT INTO belief_message (fleet, device, sequence, kind, "
      + "base_sequence, agents, edge_millis, persisted_millis, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_HISTORY = "INSERT INTO belief_history (fleet, device, agent, tick, sequence, "
      + "edge_millis, codes) VALUES (?, ?, ?, ?, ?, ?, ?)";
  /** PostgreSQL: all history rows of a batch in one statement, from arrays (no per-row statement parsing). */
  private static final String INSERT_HISTORY_POSTGRES = "INSERT INTO belief_history (fleet, device, agent, tick, "
      + "sequence, edge_millis, codes) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::integer[], ?::bigint[], "
      + "?::bigint[], ?::bigint[], ?::bytea[])";
  private static final String UPSERT_DEVICE_POSTGRES = "INSERT INTO belief_device (fleet, device, latest_sequence, "
      + "max_agent, updated_millis) VALUES (?, ?, ?, ?, ?) ON CONFLICT (fleet, device) DO UPDATE SET "
      + "latest_sequence = GREATEST(belief_device.latest_sequence, EXCLUDED.latest_sequence), "
      + "max_agent = GREATEST(belief_device.max_agent, EXCLUDED.max_agent), updated_millis = EXCLUDED.updated_millis";
  private static final String UPSERT_DEVICE_STANDARD = "MERGE INTO belief_device d USING (VALUES (CAST(? AS "
      + "VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT))) "
      + "s (fleet, device, latest_sequence, max_agent, updated_millis) ON d.fleet = s.fleet AND d.device = s.device "
      + "WHEN MATCHED THEN UPDATE SET latest_sequence = GREATEST(d.latest_sequence, s.latest_sequence), "
      + "max_agent = GREATEST(d.max_agent, s.max_agent), updated_millis = s.updated_millis "
      + "WHEN NOT MATCHED THEN INSERT (fleet, device, latest_sequence, max_agent, updated_millis) "
      + "VALUES (s.fleet, s.device, s.latest_sequence, s.max_agent, s.updated_millis)";
  private static final String SELECT_STATE = "SELECT state FROM belief_message WHERE fleet = ? AND device = ? "
      + "AND sequence = ?";
  private static final String SELECT_EXISTS = "SELECT 1 FROM belief_message WHERE fleet = ? AND device = ? "
      + "AND sequence = ?";

  /** Whether an exception (or one it chains) is a unique-key violation: SQLState 23505 on H2 and PostgreSQL. */
  public static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if ("23505".equals(next.getSQLState())) {
            return true;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Writes the messages, their history rows and the per-device rows (in key order), without committing. */
  public void insert(Connection connection, List<PreparedBelief> messages, long persistedMillis) throws SQLException {
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    Map<DeviceKey, long[]> devices = new TreeMap<>();
    try (PreparedStatement message = connection.prepareStatement(INSERT_MESSAGE)) {
      for (PreparedBelief belief : messages) {
        MessageKey key = belief.key();
        message.setString(1, key.fleet());
        message.setString(2, key.device());
        message.setLong(3, key.sequence());
        message.setShort(4, (short) belief.kind());
        if (belief.baseSequence() < 0) {
          message.setNull(5, java.sql.Types.BIGINT);
        } else {
          message.setLong(5, belief.baseSequence());
        }
        message.setInt(6, belief.rows().size());
        message.setLong(7, belief.edgeMillis());
        message.setLong(8, persistedMillis);
        message.setBytes(9, belief.state());
        message.addBatch();
        devices.merge(key.deviceKey(), new long[] {key.sequence(), belief.maxAgent()},
            (a, b) -> new long[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
      }
      message.executeBatch();
    }
    if (postgres) {
      insertHistoryFromArrays(connection, messages);
    } else {
      insertHistoryBatch(connection, messages);
    }
    try (PreparedStatement device = connection.prepareStatement(postgres ? UPSERT_DEVICE_POSTGRES
        : UPSERT_DEVICE_STANDARD)) {
      for (Map.Entry<DeviceKey, long[]> entry : devices.entrySet()) {
        device.setString(1, entry.getKey().fleet());
        device.setString(2, entry.getKey().device());
        device.setLong(3, entry.getValue()[0]);
        device.setInt(4, (int) entry.getValue()[1]);
        device.setLong(5, persistedMillis);
        device.addBatch();
      }
      device.executeBatch();
    }
  }

  private static void insertHistoryBatch(Connection connection, List<PreparedBelief> messages) throws SQLException {
    try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
      for (PreparedBelief belief : messages) {
        MessageKey key = belief.key();
        for (PreparedBelief.HistoryRow row : belief.rows()) {
          history.setString(1, key.fleet());
          history.setString(2, key.device());
          history.setInt(3, row.agent());
          history.setLong(4, row.tick());
          history.setLong(5, key.sequence());
          history.setLong(6, belief.edgeMillis());
          history.setBytes(7, row.codes());
          history.addBatch();
        }
      }
      history.executeBatch();
    }
  }

  private static void insertHistoryFromArrays(Connection connection, List<PreparedBelief> messages)
      throws SQLException {
    int rows = messages.stream().mapToInt(m -> m.rows().size()).sum();
    if (rows == 0) {
      return;
    }
    String[] fleets = new String[rows];
    String[] devices = new String[rows];
    Integer[] agents = new Integer[rows];
    Long[] ticks = new Long[rows];
    Long[] sequences = new Long[rows];
    Long[] edgeMillis = new Long[rows];
    byte[][] codes = new byte[rows][];
    int i = 0;
    for (PreparedBelief belief : messages) {
      for (PreparedBelief.HistoryRow row : belief.rows()) {
        fleets[i] = belief.key().fleet();
        devices[i] = belief.key().device();
        agents[i] = row.agent();
        ticks[i] = row.tick();
        sequences[i] = belief.key().sequence();
        edgeMillis[i] = belief.edgeMillis();
        codes[i] = row.codes();
        i++;
      }
    }
    try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY_POSTGRES)) {
      history.setArray(1, connection.createArrayOf("varchar", fleets));
      history.setArray(2, connection.createArrayOf("varchar", devices));
      history.setArray(3, connection.createArrayOf("integer", agents));
      history.setArray(4, connection.createArrayOf("bigint", ticks));
      history.setArray(5, connection.createArrayOf("bigint", sequences));
      history.setArray(6, connection.createArrayOf("bigint", edgeMillis));
      history.setArray(7, connection.createArrayOf("bytea", codes));
      history.executeUpdate();
    }
  }

  /** The stored states (wire snapshot frames) of those of {@code keys} that are stored. */
  public Map<MessageKey, byte[]> states(Connection connection, Collection<MessageKey> keys) throws SQLException {
    Map<MessageKey, byte[]> states = new HashMap<>();
    if (keys.isEmpty()) {
      return states;
    }
    try (PreparedStatement select = connection.prepareStatement(SELECT_STATE)) {
      for (MessageKey key : keys) {
        bind(select, key);
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            states.put(key, rows.getBytes(1));
          }
        }
      }
    }
    return states;
  }

  /** Those of {@code keys} that are already stored. */
  public Set<MessageKey> existing(Connection connection, Collection<MessageKey> keys) throws SQLException {
    return existing(connection, SELECT_EXISTS, keys);
  }

  /**
   * Those of {@code keys} for which {@code select} (a query with the parameters fleet, device, sequence) finds a
   * row: which messages of a table are stored already.
   */
  static Set<MessageKey> existing(Connection connection, String select, Collection<MessageKey> keys)
      throws SQLException {
    Set<MessageKey> found = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      for (MessageKey key : keys) {
        bind(statement, key);
        try (ResultSet rows = statement.executeQuery()) {
          if (rows.next()) {
            found.add(key);
          }
        }
      }
    }
    return found;
  }

  static void bind(PreparedStatement statement, MessageKey key) throws SQLException {
    statement.setString(1, key.fleet());
    statement.setString(2, key.device());
    statement.setLong(3, key.sequence());
  }
}
