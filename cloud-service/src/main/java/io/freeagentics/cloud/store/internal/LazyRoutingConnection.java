package io.freeagentics.cloud.store.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The behaviour of a {@link Connection} proxy that opens its physical connection only when it is first really used:
 * on the replica when it was marked read-only by then, on the primary otherwise. Before that it records read-only,
 * auto-commit and transaction isolation, answers their getters, treats commit and rollback as the no-ops they are
 * (nothing ran) and close as closing. Not thread-safe, like a JDBC connection.
 */
public final class LazyRoutingConnection implements InvocationHandler {
  private final DataSource primary;
  private final Supplier<DataSource> replica;
  private Connection target;
  private boolean readOnly;
  private Boolean autoCommit;
  private Integer isolation;
  private boolean closed;

  public LazyRoutingConnection(DataSource primary, Supplier<DataSource> replica) {
    this.primary = primary;
    this.replica = replica;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (target == null) {
      String name = method.getName();
      int arity = args == null ? 0 : args.length;
      switch (name) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "LazyRoutingConnection[not opened, readOnly=" + readOnly + (closed ? ", closed" : "") + "]";
        case "close":
          closed = true;
          return null;
        case "isClosed":
          return closed;
        default:
          break;
      }
      checkOpen(name);
      switch (name) {
        case "isReadOnly":
          return readOnly;
        case "setReadOnly":
          readOnly = (Boolean) args[0];
          return null;
        case "setAutoCommit":
          autoCommit = (Boolean) args[0];
          return null;
        case "getAutoCommit":
          if (autoCommit != null) {
            return autoCommit;
          }
          break;
        case "setTransactionIsolation":
          isolation = (Integer) args[0];
          return null;
        case "getTransactionIsolation":
          if (isolation != null) {
            return isolation;
          }
          break;
        case "commit":
        case "rollback":
          if (arity == 0) {
            return null;
          }
          break;
        default:
          break;
      }
      target = open();
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Opens the physical connection where the recorded read-only flag says, with the recorded settings. */
  private Connection open() throws SQLException {
    DataSource source = readOnly ? replica.get() : primary;
    Connection connection = source.getConnection();
    try {
      if (readOnly) {
        connection.setReadOnly(true);
      }
      if (autoCommit != null && connection.getAutoCommit() != autoCommit) {
        connection.setAutoCommit(autoCommit);
      }
      if (isolation != null) {
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return connection;
  }

  private void checkOpen(String method) throws SQLException {
    if (closed) {
      throw new SQLException("Connection." + method + " called on a closed connection", "08003");
    }
  }
}
