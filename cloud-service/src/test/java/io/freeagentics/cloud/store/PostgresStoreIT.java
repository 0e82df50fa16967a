package io.freeagentics.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.api.RecordingDownlink;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.cloud.twin.DeviceRegistry;
import io.freeagentics.cloud.twin.TwinService;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store, the twins and the API on the real PostgreSQL (FA_PG_URL, FA_PG_USER), in a schema of its own created
 * for the run and dropped after it. The read replica is a second pool on the same database with another
 * application_name ({@code fa-replica}): the data are the same, so the API works end to end, and the session's
 * application_name shows which pool a transaction ran on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStoreIT {
  private static final String PASSWORD = "admin-password-for-tests";

  private String url;
  private String user;
  private String schema;
  private ApplicationContext context;
  private EmbeddedServer server;
  private HttpClient http;

  @BeforeAll
  void start() throws SQLException {
    url = System.getenv().getOrDefault("FA_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    user = System.getenv().getOrDefault("FA_PG_USER", "postgres");
    schema = "fa_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("1".equals(System.getenv("FA_REQUIRE_SERVICES"))) {
        Assertions.fail("PostgreSQL at " + url + " (user " + user + ") is required (FA_REQUIRE_SERVICES=1): " + e, e);
      }
      Assumptions.abort("PostgreSQL at " + url + " is not reachable, skipped: " + e.getMessage());
    }
    String separator = url.contains("?") ? "&" : "?";
    Map<String, Object> properties = new HashMap<>();
    properties.put("fa.db.url", url + separator + "currentSchema=" + schema + "&ApplicationName=fa-primary");
    properties.put("fa.db.user", user);
    properties.put("fa.db.password", "");
    properties.put("datasources.replica.url", url + separator + "currentSchema=" + schema
        + "&ApplicationName=fa-replica");
    properties.put("datasources.replica.username", user);
    properties.put("datasources.replica.password", "");
    properties.put("datasources.replica.maximum-pool-size", "4");
    context = ApplicationContext.builder().environments("apitest").properties(properties).start();
    server = context.getBean(EmbeddedServer.class).start();
    http = context.createBean(HttpClient.class, server.getURL());
  }

  @AfterAll
  void stop() throws SQLException {
    if (http != null) {
      http.close();
    }
    if (context != null) {
      context.close();
    }
    if (schema != null) {
      try (Connection connection = DriverManager.getConnection(url, user, "");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (SQLException e) {
        if (context != null) {
          throw e;
        }
      }
    }
  }

  @Test
  void readOnlyTransactionsRunOnTheReplicaPoolAndWritesOnThePrimary() {
    RoutingProbe probe = context.getBean(RoutingProbe.class);
    assertThat(probe.readOnlyQuery("SELECT current_setting('application_name')")).isEqualTo("fa-replica");
    assertThat(probe.writeQuery("SELECT current_setting('application_name')")).isEqualTo("fa-primary");
    assertThat(probe.readOnlyQuery("SELECT current_setting('transaction_read_only')")).isEqualTo("on");
    assertThat(probe.readOnlyQuery("SELECT current_schema()")).isEqualTo(schema);
  }

  @Test
  void theMigrationsRanInTheSchemaOfTheRun() {
    RoutingProbe probe = context.getBean(RoutingProbe.class);
    assertThat(probe.writeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema
        + "' AND table_name IN ('fleet', 'device', 'twin', 'device_command', 'api_user')")).isEqualTo("5");
    assertThat(probe.writeQuery("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '" + schema
        + "' AND indexname IN ('ix_device_fleet_online', 'ix_device_command_device', 'uq_device_fleet_device')"))
        .isEqualTo("3");
  }

  @Test
  void devicesTwinsAndCommandsWorkEndToEnd() throws Exception {
    DeviceReports reports = context.getBean(DeviceReports.class);
    long now = System.currentTimeMillis();
    reports.seen("pg-fleet", "pg-1", now);
    reports.telemetry("pg-fleet", "pg-1", new Telemetry(new MessageHeader("pg-1", 1, now), OptionalInt.empty(), false,
        OptionalInt.empty(), 500, 10, 0, 100, 1000, 2000), now);
    reports.presence("pg-fleet", "pg-1", new Presence(new MessageHeader("pg-1", 2, now), true), now + 1);
    reports.seen("pg-fleet", "pg-1", now + 5_000);
    context.getBean(DeviceRegistry.class).flush();

    Map<String, Object> twin = get("/api/fleets/pg-fleet/devices/pg-1");
    assertThat(twin.get("lastSeen")).isEqualTo(Instant.ofEpochMilli(now + 5_000).toString());
    Map<String, Object> reported = map(twin.get("reported"));
    assertThat(reported.get("version")).isEqualTo(2);
    assertThat(reported.get("batteryPerMille")).isNull();
    assertThat(reported.get("tickIntervalMillis")).isEqualTo(500);

    String desired = "{\"expectedVersion\":0,\"profile\":{\"profileId\":\"pi4\",\"settings\":{\"tickMinMs\":\"500\"}}}";
    assertThat(status(HttpRequest.PUT("/api/fleets/pg-fleet/devices/pg-1/desired", desired))).isEqualTo(200);
    assertThat(status(HttpRequest.PUT("/api/fleets/pg-fleet/devices/pg-1/desired", desired))).isEqualTo(409);

    String command = "{\"kind\":\"PROFILE_OVERRIDE\",\"profile\":{\"profileId\":\"pi4\",\"settings\":{\"tickMinMs\":\"500\"}}}";
    MutableHttpRequest<String> post = HttpRequest.POST("/api/fleets/pg-fleet/devices/pg-1/commands", command);
    Map<String, Object> sent = json(http.toBlocking().retrieve(post.basicAuth("admin", PASSWORD)));
    long id = ((Number) sent.get("id")).longValue();
    assertThat(context.getBean(RecordingDownlink.class).sent).anySatisfy(s -> assertThat(s.commandId()).isEqualTo(id));
    reports.commandAck("pg-fleet", "pg-1", new CommandAck(new MessageHeader("pg-1", 3, now), id, CommandStatus.APPLIED,
        "ok"), now + 10);

    Map<String, Object> after = get("/api/fleets/pg-fleet/devices/pg-1");
    assertThat(after.get("converged")).isEqualTo(true);
    assertThat(map(map(after.get("reported")).get("profile")).get("settings")).isEqualTo(Map.of("tickMinMs", "500"));
    assertThat(get("/api/fleets/pg-fleet/devices/pg-1/commands/" + id).get("status")).isEqualTo("APPLIED");
    assertThat(context.getBean(TwinService.class).devices("pg-fleet", true, "", 10)).hasSize(1);
    assertThat(context.getBean(TwinService.class).twin(new DeviceKey("pg-fleet", "pg-1")).desired().version())
        .isEqualTo(1);
  }

  private Map<String, Object> get(String path) throws Exception {
    return json(http.toBlocking().retrieve(HttpRequest.GET(path).basicAuth("admin", PASSWORD)));
  }

  private int status(MutableHttpRequest<?> request) {
    try {
      return http.toBlocking().exchange(request.basicAuth("admin", PASSWORD)).code();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  private Map<String, Object> json(String text) throws Exception {
    return context.getBean(JsonMapper.class).readValue(text, Argument.mapOf(String.class, Object.class));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
