package io.freeagentics.cloud.beliefs;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link BeliefQueries} on the belief tables ({@code db/migration/V2__beliefs.sql}). Every query is a read-only
 * transaction (so it goes to the read replica when one is configured) and an index range scan of the primary key
 * of {@code belief_history} {@code (fleet, device, agent, tick, sequence)}: the latest of an agent is the first row
 * of the scan backwards, its history a forward scan from {@code fromTick}. The agents of a device come from
 * {@code belief_device.max_agent}. Closing the connection is a no-op inside Micronaut's transaction (the
 * contextual connection stays open until the transaction ends) and returns it to the pool outside one.
 */
@Singleton
public class JdbcBeliefQueries implements BeliefQueries {
  /** The most rows one history call returns. */
  public static final int MAX_LIMIT = 10_000;

  private static final String COLUMNS = "SELECT h.agent, h.tick, h.sequence, h.edge_millis, m.persisted_millis, "
      + "h.codes FROM belief_history h JOIN belief_message m ON m.fleet = h.fleet AND m.device = h.device "
      + "AND m.sequence = h.sequence ";
  private static final String LATEST = COLUMNS + "WHERE h.fleet = ? AND h.device = ? AND h.agent = ? "
      + "ORDER BY h.tick DESC, h.sequence DESC LIMIT 1";
  private static final String HISTORY = COLUMNS + "WHERE h.fleet = ? AND h.device = ? AND h.agent = ? "
      + "AND h.tick >= ? AND h.tick <= ? ORDER BY h.tick, h.sequence LIMIT ?";
  private static final String MAX_AGENT = "SELECT max_agent FROM belief_device WHERE fleet = ? AND device = ?";

  private final DataSource dataSource;

  public JdbcBeliefQueries(@Named("default") DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  @ReadOnly
  public List<AgentBeliefView> latest(String fleet, String device) {
    checkDevice(fleet, device);
    try (Connection connection = dataSource.getConnection()) {
      int maxAgent = -1;
      try (PreparedStatement select = connection.prepareStatement(MAX_AGENT)) {
        select.setString(1, fleet);
        select.setString(2, device);
        try (ResultSet rows = select.executeQuery()) {
          if (rows.next()) {
            maxAgent = rows.getInt(1);
          }
        }
      }
      List<AgentBeliefView> views = new ArrayList<>(Math.max(0, maxAgent + 1));
      try (PreparedStatement select = connection.prepareStatement(LATEST)) {
        for (int agent = 0; agent <= maxAgent; agent++) {
          bind(select, fleet, device, agent);
          views.addAll(read(select, fleet, device));
        }
      }
      return views;
    } catch (SQLException e) {
      throw new BeliefQueryException("latest beliefs of " + fleet + "/" + device + " could not be read", e);
    }
  }

  @Override
  @ReadOnly
  public Optional<AgentBeliefView> latest(String fleet, String device, int agent) {
    checkDevice(fleet, device);
    checkAgent(agent);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement(LATEST)) {
        bind(select, fleet, device, agent);
        return read(select, fleet, device).stream().findFirst();
      }
    } catch (SQLException e) {
      throw new BeliefQueryException("latest beliefs of " + fleet + "/" + device + " agent " + agent
          + " could not be read", e);
    }
  }

  @Override
  @ReadOnly
  public List<AgentBeliefView> history(String fleet, String device, int agent, long fromTick, long toTick,
      int limit) {
    checkDevice(fleet, device);
    checkAgent(agent);
    if (fromTick < 0 || toTick < 0 || fromTick > toTick) {
      throw new IllegalArgumentException("tick range must be 0 <= fromTick <= toTick but was fromTick=" + fromTick
          + ", toTick=" + toTick);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " but was " + limit);
    }
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement(HISTORY)) {
        bind(select, fleet, device, agent);
        select.setLong(4, fromTick);
        select.setLong(5, toTick);
        select.setInt(6, limit);
        return read(select, fleet, device);
      }
    } catch (SQLException e) {
      throw new BeliefQueryException("belief history of " + fleet + "/" + device + " agent " + agent
          + " could not be read", e);
    }
  }

  private static void bind(PreparedStatement select, String fleet, String device, int agent) throws SQLException {
    select.setString(1, fleet);
    select.setString(2, device);
    select.setInt(3, agent);
  }

  private static List<AgentBeliefView> read(PreparedStatement select, String fleet, String device)
      throws SQLException {
    List<AgentBeliefView> views = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        int agent = rows.getInt(1);
        long sequence = rows.getLong(3);
        List<double[]> beliefs;
        try {
          beliefs = StoredBeliefs.probabilities(rows.getBytes(6));
        } catch (StoredBeliefsException e) {
          throw new BeliefQueryException("belief_history row " + fleet + "/" + device + " agent " + agent
              + " sequence " + sequence + " holds unreadable codes: " + e.getMessage(), e);
        }
        views.add(new AgentBeliefView(fleet, device, agent, rows.getLong(2), sequence, rows.getLong(4),
            rows.getLong(5), beliefs));
      }
    }
    return views;
  }

  private static void checkDevice(String fleet, String device) {
    if (fleet == null || fleet.isEmpty()) {
      throw new IllegalArgumentException("fleet must not be empty but was '" + fleet + "'");
    }
    if (device == null || device.isEmpty()) {
      throw new IllegalArgumentException("device must not be empty but was '" + device + "'");
    }
  }

  private static void checkAgent(int agent) {
    if (agent < 0) {
      throw new IllegalArgumentException("agent must be >= 0 but was " + agent);
    }
  }
}
