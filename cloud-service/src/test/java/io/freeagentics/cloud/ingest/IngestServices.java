package io.freeagentics.cloud.ingest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The real Mosquitto and PostgreSQL of the integration tests (FA_MQTT_URI, FA_PG_URL, FA_PG_USER): a missing
 * service skips the test, or fails it when FA_REQUIRE_SERVICES=1. Each test gets a fresh PostgreSQL schema.
 */
public final class IngestServices {
  private IngestServices() {
  }

  public static String mqttUri() {
    String uri = System.getenv().getOrDefault("FA_MQTT_URI", "tcp://127.0.0.1:1883");
    try {
      MqttClient probe = new MqttClient(uri, "fa-it-probe-" + System.nanoTime(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setConnectionTimeout(3);
      probe.connect(options);
      probe.disconnect();
      probe.close();
    } catch (MqttException e) {
      missing("Mosquitto at " + uri + " (FA_MQTT_URI) cannot be reached: " + e);
    }
    return uri;
  }

  public static String pgUrl() {
    return System.getenv().getOrDefault("FA_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  public static String pgUser() {
    return System.getenv().getOrDefault("FA_PG_USER", "postgres");
  }

  /** Creates a fresh schema and returns a pool on it (batched inserts rewritten into multi-row inserts). */
  public static HikariDataSource postgres(String schema) {
    try (Connection connection = DriverManager.getConnection(pgUrl(), pgUser(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      missing("PostgreSQL at " + pgUrl() + " (FA_PG_URL, user FA_PG_USER=" + pgUser() + ") cannot be used: " + e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema
        + "&reWriteBatchedInserts=true");
    config.setUsername(pgUser());
    config.setMaximumPoolSize(6);
    config.setPoolName("fa-it-" + schema);
    return new HikariDataSource(config);
  }

  public static void dropSchema(String schema) {
    try (Connection connection = DriverManager.getConnection(pgUrl(), pgUser(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }

  /** Removes the broker's persistent session of {@code clientId} (connects with a clean session, disconnects). */
  public static void clearSession(String uri, String clientId) throws MqttException {
    MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    client.connect(options);
    client.disconnect();
    client.close();
  }

  private static void missing(String problem) {
    if ("1".equals(System.getenv("FA_REQUIRE_SERVICES"))) {
      fail(problem + "; FA_REQUIRE_SERVICES=1 requires it");
    }
    assumeTrue(false, problem + " (skipped; FA_REQUIRE_SERVICES=1 makes this a failure)");
  }
}
