package io.freeagentics.cloud.coalitions;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Device placements in table {@code device_placement} ({@code db/migration/V3__placement.sql}), over JDBC. Reads
 * are read-only transactions (the read replica when one is configured); a placement is written by an update, or an
 * insert when the device was never placed (which assigns its device number).
 */
@Singleton
public class DevicePlacements {
  private static final String COLUMNS = "SELECT fleet, device, device_number, lat, lng, capabilities, updated_at "
      + "FROM device_placement ";
  private static final String UPDATE = "UPDATE device_placement SET lat = ?, lng = ?, capabilities = ?, "
      + "updated_at = ? WHERE fleet = ? AND device = ?";
  private static final String INSERT = "INSERT INTO device_placement (fleet, device, lat, lng, capabilities, "
      + "updated_at) VALUES (?, ?, ?, ?, ?, ?)";
  /** SQLSTATE of a unique-constraint violation, in PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public DevicePlacements(@Named("default") DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Sets the placement of a device (its capabilities are stored distinct and sorted).
   *
   * @return the stored placement
   */
  @Transactional
  public DevicePlacement put(String fleet, String device, double lat, double lng, List<String> capabilities) {
    String names = String.join(",", new TreeSet<>(capabilities));
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection connection = dataSource.getConnection()) {
      if (update(connection, fleet, device, lat, lng, names, now) == 0) {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
          insert.setString(1, fleet);
          insert.setString(2, device);
          insert.setDouble(3, lat);
          insert.setDouble(4, lng);
          insert.setString(5, names);
          insert.setTimestamp(6, now);
          insert.executeUpdate();
        }
      }
      return find(connection, fleet, device).orElseThrow(() -> new IllegalStateException(
          "the placement of " + fleet + "/" + device + " was written but cannot be read back"));
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new PlacementConflictException(fleet, device, e);
      }
      throw new PlacementStoreException("the placement of " + fleet + "/" + device + " could not be written", e);
    }
  }

  /** The placement of a device, or empty when it was never placed. */
  @ReadOnly
  public Optional<DevicePlacement> get(String fleet, String device) {
    try (Connection connection = dataSource.getConnection()) {
      return find(connection, fleet, device);
    } catch (SQLException e) {
      throw new PlacementStoreException("the placement of " + fleet + "/" + device + " could not be read", e);
    }
  }

  /** The placed devices of a fleet, by device id. */
  @ReadOnly
  public List<DevicePlacement> list(String fleet) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE fleet = ? ORDER BY device")) {
      select.setString(1, fleet);
      return read(select);
    } catch (SQLException e) {
      throw new PlacementStoreException("the placements of fleet " + fleet + " could not be read", e);
    }
  }

  /** The fleets with at least one placed device, by id. */
  @ReadOnly
  public List<String> fleets() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT DISTINCT fleet FROM device_placement ORDER BY fleet");
        ResultSet rows = select.executeQuery()) {
      List<String> fleets = new ArrayList<>();
      while (rows.next()) {
        fleets.add(rows.getString(1));
      }
      return fleets;
    } catch (SQLException e) {
      throw new PlacementStoreException("the fleets with placements could not be read", e);
    }
  }

  private static int update(Connection connection, String fleet, String device, double lat, double lng,
      String names, Timestamp now) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      update.setDouble(1, lat);
      update.setDouble(2, lng);
      update.setString(3, names);
      update.setTimestamp(4, now);
      update.setString(5, fleet);
      update.setString(6, device);
      return update.executeUpdate();
    }
  }

  private static Optional<DevicePlacement> find(Connection connection, String fleet, String device)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE fleet = ? AND device = ?")) {
      select.setString(1, fleet);
      select.setString(2, device);
      return read(select).stream().findFirst();
    }
  }

  private static List<DevicePlacement> read(PreparedStatement select) throws SQLException {
    List<DevicePlacement> placements = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String names = rows.getString(6);
        placements.add(new DevicePlacement(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getDouble(4),
            rows.getDouble(5), names.isEmpty() ? List.of() : Arrays.asList(names.split(",")),
            rows.getTimestamp(7).toInstant()));
      }
    }
    return placements;
  }
}
