package io.freeagentics.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing on two H2 databases that each know their own name: a connection marked read-only before its first
 * statement runs on the replica, any other on the primary, and none opens before it is used.
 */
class ReadReplicaRoutingDataSourceTest {
  private CountingDataSource primary;
  private CountingDataSource replica;
  private ReadReplicaRoutingDataSource routing;

  @BeforeEach
  void databases() throws SQLException {
    primary = new CountingDataSource("jdbc:h2:mem:primary-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "primary");
    replica = new CountingDataSource("jdbc:h2:mem:replica-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "replica");
    routing = new ReadReplicaRoutingDataSource(primary, () -> replica);
  }

  @Test
  void aConnectionMarkedReadOnlyFirstReadsTheReplica() throws SQLException {
    try (Connection connection = routing.getConnection()) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      assertThat(whoAmI(connection)).isEqualTo("replica");
      assertThat(connection.getAutoCommit()).isFalse();
      connection.commit();
    }
    assertThat(replica.opened.get()).isEqualTo(1);
    assertThat(primary.opened.get()).isZero();
  }

  @Test
  void anyOtherConnectionWritesThePrimary() throws SQLException {
    try (Connection connection = routing.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("CREATE TABLE written (id INT)");
        statement.executeUpdate("INSERT INTO written VALUES (1)");
      }
      connection.commit();
      assertThat(whoAmI(connection)).isEqualTo("primary");
    }
    assertThat(primary.opened.get()).isEqualTo(1);
    assertThat(replica.opened.get()).isZero();
    assertThat(count(primary, "written")).isEqualTo(1);
  }

  @Test
  void theSettingsRecordedBeforeOpeningAreAppliedToThePhysicalConnection() throws SQLException {
    try (Connection connection = routing.getConnection()) {
      connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      connection.setAutoCommit(false);
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(primary.opened.get()).isZero();
      whoAmI(connection);
      assertThat(connection.unwrap(Connection.class).getTransactionIsolation())
          .isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(connection.unwrap(Connection.class).getAutoCommit()).isFalse();
    }
  }

  @Test
  void aConnectionNeverUsedOpensNothing() throws SQLException {
    Connection connection = routing.getConnection();
    connection.setReadOnly(true);
    connection.setAutoCommit(false);
    connection.commit();
    connection.rollback();
    connection.setReadOnly(false);
    connection.close();
    assertThat(connection.isClosed()).isTrue();
    assertThat(primary.opened.get() + replica.opened.get()).isZero();
    assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("closed");
  }

  @Test
  void readOnlySetAfterTheFirstStatementStaysOnThePrimary() throws SQLException {
    try (Connection connection = routing.getConnection()) {
      assertThat(whoAmI(connection)).isEqualTo("primary");
      connection.setReadOnly(true);
      assertThat(whoAmI(connection)).isEqualTo("primary");
    }
    assertThat(replica.opened.get()).isZero();
  }

  @Test
  void closingTheProxyClosesThePhysicalConnection() throws SQLException {
    Connection connection = routing.getConnection();
    connection.setReadOnly(true);
    whoAmI(connection);
    Connection physical = connection.unwrap(Connection.class);
    connection.close();
    assertThat(physical.isClosed()).isTrue();
  }

  private static String whoAmI(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
      result.next();
      return result.getString(1).startsWith("PRIMARY") ? "primary"
          : result.getString(1).startsWith("REPLICA") ? "replica" : result.getString(1);
    }
  }

  private static int count(DataSource source, String table) throws SQLException {
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getInt(1);
    }
  }

  /** A data source over DriverManager that counts the connections it opened. */
  static final class CountingDataSource implements PlainDataSource {
    final String url;
    final String name;
    final AtomicInteger opened = new AtomicInteger();

    CountingDataSource(String url, String name) {
      this.url = url;
      this.name = name;
    }

    @Override
    public Connection getConnection() throws SQLException {
      opened.incrementAndGet();
      return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }
  }
}
