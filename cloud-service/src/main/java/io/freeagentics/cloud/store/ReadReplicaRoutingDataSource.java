package io.freeagentics.cloud.store;

import io.freeagentics.cloud.store.internal.LazyRoutingConnection;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections choose between a primary and a read replica at their first real use: a
 * connection marked {@link Connection#setReadOnly read-only} before its first statement (what a read-only
 * transaction does when it begins) opens on the replica, any other on the primary. Until then the connection only
 * records read-only, auto-commit and isolation settings, which are applied to the physical connection when it opens.
 * Connections asked for with explicit credentials, and everything but {@link #getConnection()}, go to the primary.
 */
public final class ReadReplicaRoutingDataSource implements DataSource {
  private final DataSource primary;
  private final Supplier<DataSource> replica;

  /**
   * @param primary where writes and connections not marked read-only go
   * @param replica where connections marked read-only go; looked up on first use
   */
  public ReadReplicaRoutingDataSource(DataSource primary, Supplier<DataSource> replica) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.replica = Objects.requireNonNull(replica, "replica");
  }

  /** The data source of writes. */
  public DataSource primary() {
    return primary;
  }

  @Override
  public Connection getConnection() {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new LazyRoutingConnection(primary, replica));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return primary.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return primary.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    primary.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    primary.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return primary.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return primary.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return primary.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || primary.isWrapperFor(type);
  }

  @Override
  public String toString() {
    return "ReadReplicaRoutingDataSource[primary=" + primary + "]";
  }
}
