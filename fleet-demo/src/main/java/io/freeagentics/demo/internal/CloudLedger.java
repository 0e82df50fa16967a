package io.freeagentics.demo.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The cloud side of the demo's accounting, counted in the cloud's database itself: belief messages and events stored
 * per device, agent-belief rows, anything stored twice, and the end-to-end latency of every stored message (the
 * cloud's commit time minus the edge tick time the message carries).
 *
 * @param messagesPerDevice distinct belief messages stored, by device
 * @param eventsPerDevice device events stored, by device (the primary key stores each (device, sequence) once)
 * @param agentRows agent-belief rows stored
 * @param duplicateMessages (device, sequence) pairs stored more than once
 * @param duplicateAgentTicks (device, agent, tick) triples stored more than once
 * @param latencyMillis every stored message's latency, sorted
 */
public record CloudLedger(Map<String, Long> messagesPerDevice, Map<String, Long> eventsPerDevice, long agentRows,
    long duplicateMessages, long duplicateAgentTicks, long[] latencyMillis) {

  /** Counts what fleet {@code fleet} has in the database behind {@code dataSource}. */
  public static CloudLedger read(DataSource dataSource, String fleet) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Long> perDevice = perDevice(connection, "belief_message", fleet);
      Map<String, Long> eventsPerDevice = perDevice(connection, "device_event", fleet);
      long agentRows = single(connection, "SELECT COUNT(*) FROM belief_history WHERE fleet = ?", fleet);
      long duplicateMessages = single(connection, "SELECT COUNT(*) FROM (SELECT device, sequence FROM belief_message "
          + "WHERE fleet = ? GROUP BY device, sequence HAVING COUNT(*) > 1) d", fleet);
      long duplicateAgentTicks = single(connection, "SELECT COUNT(*) FROM (SELECT device, agent, tick FROM "
          + "belief_history WHERE fleet = ? GROUP BY device, agent, tick HAVING COUNT(*) > 1) d", fleet);
      long[] latency;
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT persisted_millis - edge_millis FROM belief_message WHERE fleet = ?")) {
        query.setString(1, fleet);
        query.setFetchSize(10_000);
        long[] values = new long[1024];
        int count = 0;
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            if (count == values.length) {
              values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = rows.getLong(1);
          }
        }
        latency = Arrays.copyOf(values, count);
        Arrays.sort(latency);
      }
      return new CloudLedger(perDevice, eventsPerDevice, agentRows, duplicateMessages, duplicateAgentTicks,
          latency);
    }
  }

  /** Belief messages and events of fleet {@code fleet} stored so far: two counts, cheap enough to poll. */
  public static long storedMessages(DataSource dataSource, String fleet) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return single(connection, "SELECT COUNT(*) FROM belief_message WHERE fleet = ?", fleet)
          + single(connection, "SELECT COUNT(*) FROM device_event WHERE fleet = ?", fleet);
    }
  }

  /** Stored belief messages of every device. */
  public long messages() {
    return messagesPerDevice.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Stored events of every device. */
  public long events() {
    return eventsPerDevice.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> perDevice(Connection connection, String table, String fleet)
      throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT device, COUNT(*) FROM " + table + " WHERE fleet = ? GROUP BY device")) {
      query.setString(1, fleet);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return Map.copyOf(counts);
  }

  /** The {@code q}-quantile (0..1) of the latencies, nearest rank; NaN when nothing was stored. */
  public double latencyQuantile(double q) {
    if (latencyMillis.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * latencyMillis.length);
    return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, rank - 1))];
  }

  private static long single(Connection connection, String sql, String fleet) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, fleet);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
