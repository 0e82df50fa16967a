package io.freeagentics.cloud.api;

import static io.freeagentics.cloud.api.ApiCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.api.ApiCalls.Reply;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ModelUpdate;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.ProfileOverride;
import io.freeagentics.wire.Telemetry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API on the embedded H2 database: status codes, error bodies, optimistic concurrency, roles. */
@MicronautTest(environments = "apitest", transactional = false)
class ApiTest {
  private static final String ADMIN_PASSWORD = "admin-password-for-tests";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject
  DeviceReports reports;

  @Inject
  RecordingDownlink downlink;

  @Inject
  JsonMapper json;

  @BeforeEach
  void reset() {
    downlink.failing = false;
  }

  @Test
  void everyApiPathNeedsCredentials() {
    Reply anonymous = call(HttpRequest.GET("/api/fleets"), null, null);
    assertThat(anonymous.status).isEqualTo(401);
    Reply wrong = call(HttpRequest.GET("/api/fleets"), "admin", "not-the-password");
    assertThat(wrong.status).isEqualTo(401);
    assertThat(admin(HttpRequest.GET("/api/fleets")).status).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentHealthAndMetricsAreServedWithoutCredentials() {
    Reply spec = call(HttpRequest.GET("/swagger/freeagentics-cloud-api-0.1.yml"), null, null);
    assertThat(spec.status).isEqualTo(200);
    assertThat(spec.body).contains("/api/fleets/{fleet}/devices/{device}/desired").contains("basicAuth");
    assertThat(call(HttpRequest.GET("/health"), null, null).status).isEqualTo(200);
    admin(HttpRequest.GET("/api/fleets"));
    Reply metrics = call(HttpRequest.GET("/prometheus"), null, null);
    assertThat(metrics.status).isEqualTo(200);
    assertThat(metrics.body).contains("http_server_requests_seconds");
  }

  @Test
  void aDeviceRegistersOnFirstContactAndItsReportsBuildTheTwin() {
    long now = System.currentTimeMillis();
    reports.seen("farm", "twin-1", now);
    reports.telemetry("farm", "twin-1", telemetry("twin-1", now, 640), now);
    reports.presence("farm", "twin-1", new Presence(new MessageHeader("twin-1", 2, now), true), now + 1);

    Map<String, Object> twin = admin(HttpRequest.GET("/api/fleets/farm/devices/twin-1")).map();
    Map<String, Object> reported = map(twin.get("reported"));
    assertThat(reported.get("version")).isEqualTo(2);
    assertThat(reported.get("online")).isEqualTo(true);
    assertThat(reported.get("batteryPerMille")).isEqualTo(640);
    assertThat(reported.get("temperatureCelsius")).isEqualTo(41.5);
    assertThat(reported.get("spoolDepth")).isEqualTo(3);
    assertThat(map(twin.get("desired")).get("version")).isEqualTo(0);
    assertThat(twin.get("converged")).isEqualTo(true);

    Map<String, Object> fleets = admin(HttpRequest.GET("/api/fleets")).map();
    assertThat(fleets.get("items").toString()).contains("fleet=farm");
  }

  @Test
  void aCachedTwinFollowsEveryReportAndDesiredWrite() {
    long now = System.currentTimeMillis();
    reports.telemetry("farm", "cached-1", telemetry("cached-1", now, 300), now);
    Map<String, Object> first = admin(HttpRequest.GET("/api/fleets/farm/devices/cached-1")).map();
    assertThat(map(first.get("reported")).get("batteryPerMille")).isEqualTo(300);
    // The twin is cached now: the next report must invalidate it, or the old battery level would come back.
    reports.telemetry("farm", "cached-1", telemetry("cached-1", now + 1000, 290), now + 1000);
    Map<String, Object> second = admin(HttpRequest.GET("/api/fleets/farm/devices/cached-1")).map();
    assertThat(map(second.get("reported")).get("batteryPerMille")).isEqualTo(290);
    reports.presence("farm", "cached-1", new Presence(new MessageHeader("cached-1", 9, now), false), now + 2000);
    Map<String, Object> third = admin(HttpRequest.GET("/api/fleets/farm/devices/cached-1")).map();
    assertThat(map(third.get("reported")).get("online")).isEqualTo(false);
  }

  @Test
  void cachedDevicePagesFollowRegistrationsAndPresence() {
    long now = System.currentTimeMillis();
    reports.seen("paging-cache", "pc-1", now);
    assertThat(admin(HttpRequest.GET("/api/fleets/paging-cache/devices")).map().get("items").toString())
        .contains("device=pc-1").doesNotContain("pc-2").contains("online=false");
    // Both pages are cached now: a new device and a presence change must each reach the next read.
    reports.seen("paging-cache", "pc-2", now + 1);
    reports.presence("paging-cache", "pc-1", new Presence(new MessageHeader("pc-1", 1, now), true), now + 2);
    String items = admin(HttpRequest.GET("/api/fleets/paging-cache/devices")).map().get("items").toString();
    assertThat(items).contains("device=pc-2").contains("online=true");
    assertThat(admin(HttpRequest.GET("/api/fleets/paging-cache/devices?online=true")).map().get("items").toString())
        .contains("device=pc-1").doesNotContain("pc-2");
  }

  @Test
  void staleTelemetryDoesNotOverwriteNewer() {
    long now = System.currentTimeMillis();
    reports.telemetry("farm", "stale-1", telemetry("stale-1", now, 500), now);
    reports.telemetry("farm", "stale-1", telemetry("stale-1", now - 60_000, 900), now + 5);
    Map<String, Object> reported = map(admin(HttpRequest.GET("/api/fleets/farm/devices/stale-1")).map()
        .get("reported"));
    assertThat(reported.get("batteryPerMille")).isEqualTo(500);
    assertThat(reported.get("version")).isEqualTo(1);
  }

  @Test
  void devicesArePagedWithACursor() {
    long now = System.currentTimeMillis();
    for (String device : List.of("page-a", "page-b", "page-c")) {
      reports.seen("paged", device, now);
    }
    Map<String, Object> first = admin(HttpRequest.GET("/api/fleets/paged/devices?limit=2")).map();
    assertThat(first.get("items").toString()).contains("page-a").contains("page-b").doesNotContain("page-c");
    assertThat(first.get("next")).isEqualTo("page-b");
    Map<String, Object> second = admin(HttpRequest.GET("/api/fleets/paged/devices?limit=2&after=page-b")).map();
    assertThat(second.get("items").toString()).contains("page-c");
    assertThat(second.get("next")).isNull();
    Map<String, Object> offline = admin(HttpRequest.GET("/api/fleets/paged/devices?online=true")).map();
    assertThat((List<?>) offline.get("items")).isEmpty();
  }

  @Test
  void badParametersAreNamed() {
    Reply limit = admin(HttpRequest.GET("/api/fleets?limit=0"));
    assertThat(limit.status).isEqualTo(400);
    assertThat(limit.problems()).containsExactly(Map.of("field", "limit", "problem", "must be 1 to 1000 but was 0"));
    assertThat(limit.map()).containsEntry("status", 400).containsEntry("error", "Bad Request")
        .containsEntry("message", "limit: must be 1 to 1000 but was 0").containsEntry("path", "/api/fleets");

    Reply fleet = admin(HttpRequest.GET("/api/fleets/bad*fleet/devices"));
    assertThat(fleet.status).isEqualTo(400);
    assertThat(fleet.fields()).containsExactly("fleet");

    Reply unknown = admin(HttpRequest.GET("/api/fleets/nowhere/devices/nobody"));
    assertThat(unknown.status).isEqualTo(404);
    assertThat(unknown.map().get("message").toString()).contains("nobody").contains("nowhere");
  }

  @Test
  void theDesiredStateNeedsTheVersionItReplaces() {
    reports.seen("farm", "desired-1", System.currentTimeMillis());
    String body = "{\"expectedVersion\":0,\"model\":{\"name\":\"grid5\",\"version\":2},"
        + "\"profile\":{\"profileId\":\"pi4\",\"settings\":{\"tickMinMs\":\"500\"}}}";
    Reply first = admin(HttpRequest.PUT("/api/fleets/farm/devices/desired-1/desired", body));
    assertThat(first.status).isEqualTo(200);
    Map<String, Object> desired = map(first.map().get("desired"));
    assertThat(desired.get("version")).isEqualTo(1);
    assertThat(desired.get("updatedBy")).isEqualTo("admin");
    assertThat(map(desired.get("profile")).get("settings")).isEqualTo(Map.of("tickMinMs", "500"));
    assertThat(first.map().get("converged")).isEqualTo(false);

    Reply stale = admin(HttpRequest.PUT("/api/fleets/farm/devices/desired-1/desired", body));
    assertThat(stale.status).isEqualTo(409);
    assertThat(stale.fields()).containsExactly("expectedVersion");
    assertThat(stale.map().get("message").toString()).contains("version 1, not 0");

    Reply next = admin(HttpRequest.PUT("/api/fleets/farm/devices/desired-1/desired", "{\"expectedVersion\":1}"));
    assertThat(next.status).isEqualTo(200);
    assertThat(map(next.map().get("desired")).get("model")).isNull();
  }

  @Test
  void aBadDesiredStateListsEveryBadField() {
    reports.seen("farm", "desired-2", System.currentTimeMillis());
    Reply reply = admin(HttpRequest.PUT("/api/fleets/farm/devices/desired-2/desired",
        "{\"model\":{\"name\":\"\",\"version\":0},\"profile\":{\"profileId\":\"no spaces\",\"settings\":{}}}"));
    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.fields()).containsExactlyInAnyOrder("expectedVersion", "model.name", "model.version",
        "profile.profileId");

    Reply settings = admin(HttpRequest.PUT("/api/fleets/farm/devices/desired-2/desired",
        "{\"expectedVersion\":0,\"profile\":{\"profileId\":\"pi4\",\"settings\":{\"bad key\":\"1\"}}}"));
    assertThat(settings.status).isEqualTo(400);
    assertThat(settings.fields()).containsExactly("profile.settings[bad key]");

    Reply notJson = admin(HttpRequest.PUT("/api/fleets/farm/devices/desired-2/desired", "{\"expectedVersion\":"));
    assertThat(notJson.status).isEqualTo(400);
  }

  @Test
  void aViewerReadsButDoesNotWrite() {
    Reply created = admin(HttpRequest.POST("/api/users",
        "{\"username\":\"viewer-1\",\"password\":\"viewer-password\",\"role\":\"VIEWER\"}"));
    assertThat(created.status).isEqualTo(201);
    Reply again = admin(HttpRequest.POST("/api/users",
        "{\"username\":\"viewer-1\",\"password\":\"viewer-password\",\"role\":\"VIEWER\"}"));
    assertThat(again.status).isEqualTo(409);
    Reply shortPassword = admin(HttpRequest.POST("/api/users",
        "{\"username\":\"viewer-2\",\"password\":\"short\",\"role\":\"VIEWER\"}"));
    assertThat(shortPassword.fields()).containsExactly("password");

    reports.seen("farm", "viewed-1", System.currentTimeMillis());
    assertThat(call(HttpRequest.GET("/api/fleets/farm/devices/viewed-1"), "viewer-1", "viewer-password").status)
        .isEqualTo(200);
    assertThat(call(HttpRequest.PUT("/api/fleets/farm/devices/viewed-1/desired", "{\"expectedVersion\":0}"),
        "viewer-1", "viewer-password").status).isEqualTo(403);
    assertThat(call(HttpRequest.GET("/api/users"), "viewer-1", "viewer-password").status).isEqualTo(403);
  }

  @Test
  void aModelUpdateIsValidatedSentAndFollowedToItsAcknowledgement() throws Exception {
    long now = System.currentTimeMillis();
    reports.seen("farm", "cmd-1", now);
    String model = ModelJson.write(BuiltInModels.grid(3));
    Reply sent = admin(HttpRequest.POST("/api/fleets/farm/devices/cmd-1/commands",
        "{\"kind\":\"MODEL_UPDATE\",\"model\":{\"name\":\"grid3\",\"version\":7},\"modelJson\":" + model + "}"));
    assertThat(sent.status).isEqualTo(202);
    long id = ((Number) sent.map().get("id")).longValue();
    assertThat(sent.map().get("status")).isEqualTo("SENT");
    assertThat(sent.location).isEqualTo("/api/fleets/farm/devices/cmd-1/commands/" + id);

    RecordingDownlink.Sent published = downlink.sent.stream().filter(s -> s.commandId() == id).findFirst()
        .orElseThrow();
    assertThat(published.device()).isEqualTo("cmd-1");
    ModelUpdate update = (ModelUpdate) published.action();
    assertThat(update.modelName()).isEqualTo("grid3");
    assertThat(ModelJson.write(ModelJson.parse(new String(update.model(), StandardCharsets.UTF_8), "sent")))
        .isEqualTo(model);

    reports.commandAck("farm", "cmd-1", ack("cmd-1", id, CommandStatus.ACCEPTED, ""), now + 10);
    assertThat(admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-1/commands/" + id)).map().get("status"))
        .isEqualTo("ACCEPTED");
    reports.commandAck("farm", "cmd-1", ack("cmd-1", id, CommandStatus.APPLIED, "model grid3 running"), now + 20);
    reports.commandAck("farm", "cmd-1", ack("cmd-1", id, CommandStatus.ACCEPTED, ""), now + 30);
    Map<String, Object> command = admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-1/commands/" + id)).map();
    assertThat(command.get("status")).isEqualTo("APPLIED");
    assertThat(command.get("detail")).isEqualTo("model grid3 running");

    Map<String, Object> twin = admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-1")).map();
    assertThat(map(twin.get("reported")).get("model")).isEqualTo(Map.of("name", "grid3", "version", 7));

    Map<String, Object> list = admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-1/commands")).map();
    assertThat(list.get("items").toString()).contains("id=" + id);
    assertThat(admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-1/commands/999999")).status).isEqualTo(404);
  }

  @Test
  void anInvalidModelIsRefusedWithEveryProblemNamed() {
    reports.seen("farm", "cmd-2", System.currentTimeMillis());
    String model = "{\"num_states\":[2],\"num_obs\":[2],\"num_controls\":[2],"
        + "\"A\":[[[0.9,0.2],[0.2,0.8]]],"
        + "\"B\":[[[[1.0,0.0],[0.0,1.0]],[[0.0,1.0],[1.0,0.0]]]],\"D\":[[0.5,0.3,0.2]]}";
    Reply reply = admin(HttpRequest.POST("/api/fleets/farm/devices/cmd-2/commands",
        "{\"kind\":\"MODEL_UPDATE\",\"model\":{\"name\":\"switch\",\"version\":1},\"modelJson\":" + model + "}"));
    assertThat(reply.status).isEqualTo(400);
    assertThat(reply.fields()).contains("modelJson.A[0]", "modelJson.D[0]");

    Reply missing = admin(HttpRequest.POST("/api/fleets/farm/devices/cmd-2/commands",
        "{\"kind\":\"MODEL_UPDATE\",\"profile\":{\"profileId\":\"pi4\",\"settings\":{}}}"));
    assertThat(missing.fields()).containsExactlyInAnyOrder("model", "modelJson", "profile");

    Reply badKind = admin(HttpRequest.POST("/api/fleets/farm/devices/cmd-2/commands", "{\"kind\":\"REBOOT\"}"));
    assertThat(badKind.status).isEqualTo(400);
    assertThat(badKind.body).contains("REBOOT");
  }

  @Test
  void aProfileOverrideIsSent() {
    reports.seen("farm", "cmd-3", System.currentTimeMillis());
    Reply sent = admin(HttpRequest.POST("/api/fleets/farm/devices/cmd-3/commands",
        "{\"kind\":\"PROFILE_OVERRIDE\",\"profile\":{\"profileId\":\"pi4\",\"settings\":{\"tickMinMs\":\"500\"}}}"));
    assertThat(sent.status).isEqualTo(202);
    long id = ((Number) sent.map().get("id")).longValue();
    ProfileOverride override = (ProfileOverride) downlink.sent.stream().filter(s -> s.commandId() == id)
        .findFirst().orElseThrow().action();
    assertThat(override.profileId()).isEqualTo("pi4");
    assertThat(override.settings()).isEqualTo(Map.of("tickMinMs", "500"));

    reports.commandAck("farm", "cmd-3", ack("cmd-3", id, CommandStatus.APPLIED, ""), System.currentTimeMillis());
    Map<String, Object> reported = map(admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-3")).map()
        .get("reported"));
    assertThat(reported.get("profile")).isEqualTo(Map.of("profileId", "pi4", "settings", Map.of("tickMinMs", "500")));
  }

  @Test
  void aCommandTheBrokerDoesNotTakeIs503AndFailed() {
    reports.seen("farm", "cmd-4", System.currentTimeMillis());
    downlink.failing = true;
    Reply reply = admin(HttpRequest.POST("/api/fleets/farm/devices/cmd-4/commands",
        "{\"kind\":\"PROFILE_OVERRIDE\",\"profile\":{\"profileId\":\"pi4\",\"settings\":{}}}"));
    assertThat(reply.status).isEqualTo(503);
    assertThat(reply.map().get("message").toString()).contains("broker unreachable");
    Map<String, Object> list = admin(HttpRequest.GET("/api/fleets/farm/devices/cmd-4/commands")).map();
    Map<String, Object> command = map(((List<?>) list.get("items")).get(0));
    assertThat(command.get("status")).isEqualTo("FAILED");
    assertThat(command.get("detail").toString()).startsWith("not delivered: ");
  }

  @Test
  void commandsToUnknownDevicesAre404() {
    Reply reply = admin(HttpRequest.POST("/api/fleets/farm/devices/never-seen/commands",
        "{\"kind\":\"PROFILE_OVERRIDE\",\"profile\":{\"profileId\":\"pi4\",\"settings\":{}}}"));
    assertThat(reply.status).isEqualTo(404);
  }

  @Test
  void beliefsOfADeviceWithoutBeliefsAreEmptyAndUnknownDevicesAre404() {
    reports.seen("farm", "beliefs-1", System.currentTimeMillis());
    Reply latest = admin(HttpRequest.GET("/api/fleets/farm/devices/beliefs-1/agents"));
    assertThat(latest.status).isEqualTo(200);
    assertThat(latest.body).isEqualTo("[]");
    assertThat(admin(HttpRequest.GET("/api/fleets/farm/devices/beliefs-1/agents/0")).status).isEqualTo(404);
    Reply history = admin(HttpRequest.GET("/api/fleets/farm/devices/beliefs-1/agents/0/history?limit=5"));
    assertThat(history.status).isEqualTo(200);
    assertThat(history.map().get("items")).isEqualTo(List.of());
    Reply backwards = admin(HttpRequest.GET("/api/fleets/farm/devices/beliefs-1/agents/0/history?fromTick=5&toTick=2"));
    assertThat(backwards.fields()).containsExactly("fromTick");
    assertThat(admin(HttpRequest.GET("/api/fleets/farm/devices/nobody/agents")).status).isEqualTo(404);
  }

  // --- helpers

  static Telemetry telemetry(String device, long at, int battery) {
    return new Telemetry(new MessageHeader(device, 1, at), OptionalInt.of(battery), false, OptionalInt.of(415), 1000,
        20, 3, 100, 1 << 20, 1 << 24);
  }

  static CommandAck ack(String device, long id, CommandStatus status, String detail) {
    return new CommandAck(new MessageHeader(device, 5, System.currentTimeMillis()), id, status, detail);
  }

  Reply admin(MutableHttpRequest<?> request) {
    return call(request, "admin", ADMIN_PASSWORD);
  }

  Reply call(MutableHttpRequest<?> request, String user, String password) {
    return ApiCalls.call(http, json, request, user, password);
  }
}
