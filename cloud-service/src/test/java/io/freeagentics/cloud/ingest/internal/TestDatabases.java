package io.freeagentics.cloud.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh databases with the belief tables (the V2 migration as it is). */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {
  }

  /** A new in-memory H2 database in the service's mode (PostgreSQL compatibility, lower-case names). */
  public static DataSource h2() throws SQLException, IOException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:beliefs" + COUNTER.incrementAndGet() + "-" + System.nanoTime()
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    dataSource.setUser("sa");
    migrate(dataSource);
    return dataSource;
  }

  /** Runs the migrations of the ingest's tables on the data source: V2__beliefs.sql and V4__events.sql. */
  public static void migrate(DataSource dataSource) throws SQLException, IOException {
    for (String migration : new String[] {"V2__beliefs.sql", "V4__events.sql"}) {
      String script;
      try (InputStream in = TestDatabases.class.getResourceAsStream("/db/migration/" + migration)) {
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      StringBuilder cleaned = new StringBuilder();
      for (String line : script.split("\n")) {
        int comment = line.indexOf("--");
        cleaned.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
      }
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        for (String sql : cleaned.toString().split(";")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
    }
  }

  public static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
