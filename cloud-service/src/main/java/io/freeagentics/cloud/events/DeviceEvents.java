package io.freeagentics.cloud.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The stored events of table {@code device_event} ({@code db/migration/V4__events.sql}): a device's events newest
 * first (an index range scan of the primary key backwards), and the retention purge. Listing is a read-only
 * transaction, so it goes to the read replica when one is configured.
 */
@Singleton
public class DeviceEvents {
  /** The most events one page returns. */
  public static final int MAX_LIMIT = 10_000;

  private static final String COLUMNS = "SELECT sequence, kind, edge_millis, stored_millis, body FROM device_event "
      + "WHERE fleet = ? AND device = ? AND sequence < ? ";
  private static final String PAGE = COLUMNS + "ORDER BY sequence DESC LIMIT ?";
  private static final String PAGE_OF_KIND = COLUMNS + "AND kind = ? ORDER BY sequence DESC LIMIT ?";
  private static final String PURGE = "DELETE FROM device_event WHERE stored_millis < ?";

  private final DataSource dataSource;

  public DeviceEvents(@Named("default") DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Up to {@code limit} events of the device with a sequence below {@code beforeSequence}, newest (highest
   * sequence) first; only those of {@code kind} when it is not null.
   *
   * @param beforeSequence the cursor: the sequence of the last event of the previous page, or null for the newest
   */
  @ReadOnly
  public List<StoredEvent> page(String fleet, String device, @Nullable String kind, @Nullable Long beforeSequence,
      int limit) {
    if (fleet == null || device == null) {
      throw new IllegalArgumentException("fleet and device must not be null but were " + fleet + ", " + device);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " but was " + limit);
    }
    if (beforeSequence != null && beforeSequence < 0) {
      throw new IllegalArgumentException("beforeSequence must not be negative but was " + beforeSequence);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(kind == null ? PAGE : PAGE_OF_KIND)) {
      int p = 1;
      select.setString(p++, fleet);
      select.setString(p++, device);
      select.setLong(p++, beforeSequence == null ? Long.MAX_VALUE : beforeSequence);
      if (kind != null) {
        select.setString(p++, kind);
      }
      select.setInt(p, limit);
      List<StoredEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(new StoredEvent(fleet, device, rows.getLong(1), rows.getString(2), rows.getLong(3),
              rows.getLong(4), rows.getString(5)));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new EventQueryException("events of " + fleet + "/" + device + " could not be read", e);
    }
  }

  /** Deletes the events stored before {@code cutoffMillis}; returns how many. */
  @Transactional
  public int purgeStoredBefore(long cutoffMillis) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(PURGE)) {
      delete.setLong(1, cutoffMillis);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new EventQueryException("events stored before " + cutoffMillis + " could not be purged", e);
    }
  }
}
