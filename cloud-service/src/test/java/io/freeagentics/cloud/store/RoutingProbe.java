package io.freeagentics.cloud.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.context.BeanLocator;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Test bean: counts devices and names the database inside read-only and write transactions. */
@Singleton
@Requires(property = ReadReplicaRouting.REPLICA_URL)
public class RoutingProbe {
  private final JdbcOperations jdbc;
  private final BeanLocator beans;

  RoutingProbe(JdbcOperations jdbc, BeanLocator beans) {
    this.jdbc = jdbc;
    this.beans = beans;
  }

  @ReadOnly
  public int devicesInReadOnlyTransaction(String fleet) {
    return count(fleet);
  }

  @Transactional
  public int devicesInWriteTransaction(String fleet) {
    return count(fleet);
  }

  @ReadOnly
  public String readOnlyDatabaseName() {
    return databaseName();
  }

  @Transactional
  public String writeDatabaseName() {
    return databaseName();
  }

  /** The first column of the first row of {@code sql}, run in a read-only transaction. */
  @ReadOnly
  public String readOnlyQuery(String sql) {
    return query(sql);
  }

  /** The first column of the first row of {@code sql}, run in a read-write transaction. */
  @Transactional
  public String writeQuery(String sql) {
    return query(sql);
  }

  private String query(String sql) {
    return jdbc.execute(connection -> {
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
        result.next();
        return result.getString(1);
      }
    });
  }

  /** Writes a device straight into the replica database (as replication would). */
  public void insertOnReplica(String fleet, String device) {
    DataSource replica = beans.getBean(DataSource.class, Qualifiers.byName(ReadReplicaRouting.REPLICA));
    try (Connection connection = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
        .unwrapDataSource(replica).getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO fleet (fleet_id, created_at) VALUES ('" + fleet + "', CURRENT_TIMESTAMP)"
          + " ON CONFLICT DO NOTHING");
      statement.executeUpdate("INSERT INTO device (fleet_id, device_id, first_seen, last_seen, online) VALUES ('"
          + fleet + "', '" + device + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, FALSE)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(String fleet) {
    return jdbc.prepareStatement("SELECT COUNT(*) FROM device WHERE fleet_id = ?", statement -> {
      statement.setString(1, fleet);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    });
  }

  private String databaseName() {
    return jdbc.execute(connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
        result.next();
        return result.getString(1);
      }
    });
  }
}
