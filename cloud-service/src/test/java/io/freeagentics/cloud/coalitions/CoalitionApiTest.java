package io.freeagentics.cloud.coalitions;

import static io.freeagentics.cloud.api.ApiCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.cloud.api.ApiCalls;
import io.freeagentics.cloud.api.ApiCalls.Reply;
import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.ingest.internal.BeliefFixtures;
import io.freeagentics.cloud.mirror.PopulationMirror;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefSet;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Coalitions in the cloud on the embedded H2 database: placements, beliefs fed to the mirror as the ingest feeds
 * it, rounds run through the API, the coalitions read back, the metrics, validation and roles. Scheduled rounds are
 * off so that only the rounds the tests run change the result.
 */
@MicronautTest(environments = "apitest", transactional = false)
@Property(name = "fa.coalitions.enabled", value = "false")
class CoalitionApiTest {
  private static final String ADMIN_PASSWORD = "admin-password-for-tests";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject
  PopulationMirror mirror;

  @Inject
  JsonMapper json;

  @Inject
  Validator validator;

  @Test
  void nearAgentsShareCoalitionsAndTheFarOneIsAlone() throws Exception {
    String fleet = "city";
    // Three devices within about 20 m of each other in Berlin, with complementary capabilities, and one in Munich.
    place(fleet, "near-a", 52.52000, 13.40500, "camera");
    place(fleet, "near-b", 52.52010, 13.40510, "lidar");
    place(fleet, "near-c", 52.52005, 13.40490, "camera", "drone");
    place(fleet, "far-x", 48.13510, 11.58200, "camera");
    // Each near device: agent 0 believes it is in grid cell 1, agent 1 in cell 2 (BeliefFixtures.grid at tick 1);
    // the far device has one agent.
    feed(fleet, "near-a", 1, BeliefFixtures.grid(2, 1));
    feed(fleet, "near-b", 1, BeliefFixtures.grid(2, 1));
    feed(fleet, "near-c", 1, BeliefFixtures.grid(2, 1));
    feed(fleet, "far-x", 1, BeliefFixtures.grid(1, 1));

    assertThat(admin(HttpRequest.GET("/api/fleets/" + fleet + "/coalitions")).status).isEqualTo(404);
    Reply round = admin(HttpRequest.POST("/api/fleets/" + fleet + "/coalitions/round", ""));
    assertThat(round.status).isEqualTo(200);
    assertThat(round.map()).containsEntry("incremental", false).containsEntry("agents", 7)
        .containsEntry("skippedAgents", 0);

    List<Map<String, Object>> all = allCoalitions(fleet);
    System.out.println("coalition round of fleet city: " + round.body + "\ncoalitions: " + all);
    // Every placed agent is in exactly one coalition; no value is negative.
    List<String> members = new ArrayList<>();
    for (Map<String, Object> coalition : all) {
      assertThat(((Number) coalition.get("value")).doubleValue()).isGreaterThanOrEqualTo(0.0);
      for (Object member : (List<?>) coalition.get("members")) {
        Map<?, ?> m = (Map<?, ?>) member;
        members.add(m.get("device") + "#" + m.get("agent"));
      }
      assertThat((List<?>) coalition.get("cells")).isNotEmpty()
          .allSatisfy(cell -> assertThat(cell.toString()).matches("[0-9a-f]{15}"));
    }
    assertThat(members).containsExactlyInAnyOrder("near-a#0", "near-a#1", "near-b#0", "near-b#1", "near-c#0",
        "near-c#1", "far-x#0");
    // Near agents with the same wishes and different capabilities share a coalition; the far one is alone.
    Map<String, Object> withNearA0 = coalitionOf(all, "near-a#0");
    assertThat(devices(withNearA0)).contains("near-a").containsAnyOf("near-b", "near-c").doesNotContain("far-x");
    assertThat(((Number) withNearA0.get("value")).doubleValue()).isPositive();
    Map<String, Object> withFar = coalitionOf(all, "far-x#0");
    assertThat((List<?>) withFar.get("members")).hasSize(1);
    assertThat(((Number) withFar.get("value")).doubleValue()).isEqualTo(0.0);

    // Without singletons only coalitions of two or more agents are listed, and the totals match the round.
    Map<String, Object> multi = admin(HttpRequest.GET("/api/fleets/" + fleet + "/coalitions")).map();
    assertThat(multi.get("agents")).isEqualTo(7);
    assertThat((List<?>) multi.get("coalitions")).hasSize(((Number) multi.get("coalitionCount")).intValue())
        .allSatisfy(c -> assertThat((List<?>) ((Map<?, ?>) c).get("members")).hasSizeGreaterThan(1));
    assertThat(((Number) multi.get("totalValue")).doubleValue())
        .isEqualTo(((Number) round.map().get("totalValue")).doubleValue());

    // Move near-c to Munich: the next round repairs around its two agents only, and they leave Berlin's coalitions.
    place(fleet, "near-c", 48.13520, 11.58210, "camera", "drone");
    Reply second = admin(HttpRequest.POST("/api/fleets/" + fleet + "/coalitions/round", ""));
    assertThat(second.map()).containsEntry("incremental", true).containsEntry("agents", 7)
        .containsEntry("changedAgents", 2);
    List<Map<String, Object>> after = allCoalitions(fleet);
    assertThat(devices(coalitionOf(after, "near-a#0"))).doesNotContain("near-c", "far-x");
    assertThat(devices(coalitionOf(after, "near-c#0"))).doesNotContain("near-a", "near-b");

    // The round timer and the coalition gauge are exported to Prometheus.
    Reply metrics = call(HttpRequest.GET("/prometheus"), null, null);
    assertThat(metrics.status).isEqualTo(200);
    assertThat(metrics.body).contains("fa_coalitions_round_seconds_count{fleet=\"city\"")
        .contains("fa_coalitions_round_seconds_sum{fleet=\"city\"").contains("fa_coalitions_count{fleet=\"city\"");
  }

  @Test
  void aPlacementIsStoredAndReadBack() {
    Reply missing = admin(HttpRequest.GET("/api/fleets/store/devices/d1/placement"));
    assertThat(missing.status).isEqualTo(404);
    assertThat(missing.map().get("message").toString()).contains("store/d1");

    Reply put = admin(HttpRequest.PUT("/api/fleets/store/devices/d1/placement",
        "{\"lat\":-33.8688,\"lng\":151.2093,\"capabilities\":[\"wifi\",\"camera\",\"wifi\"]}"));
    assertThat(put.status).isEqualTo(200);
    assertThat(put.map()).containsEntry("fleet", "store").containsEntry("device", "d1")
        .containsEntry("lat", -33.8688).containsEntry("lng", 151.2093)
        .containsEntry("capabilities", List.of("camera", "wifi"));
    Reply got = admin(HttpRequest.GET("/api/fleets/store/devices/d1/placement"));
    assertThat(got.map()).isEqualTo(put.map());

    Reply moved = admin(HttpRequest.PUT("/api/fleets/store/devices/d1/placement",
        "{\"lat\":1.5,\"lng\":-2.5,\"capabilities\":[]}"));
    assertThat(moved.map()).containsEntry("lat", 1.5).containsEntry("capabilities", List.of());
  }

  @Test
  void badPlacementsNameEveryBadField() {
    Reply ranges = admin(HttpRequest.PUT("/api/fleets/bad/devices/d1/placement",
        "{\"lat\":90.5,\"lng\":-180.01,\"capabilities\":[\"ok\",\"no spaces\",\"" + "x".repeat(33) + "\"]}"));
    assertThat(ranges.status).isEqualTo(400);
    assertThat(ranges.fields()).containsExactlyInAnyOrder("lat", "lng", "capabilities[1]", "capabilities[2]");
    assertThat(ranges.body).contains("must be between -90 and 90").contains("must be between -180 and 180");

    Reply empty = admin(HttpRequest.PUT("/api/fleets/bad/devices/d1/placement", "{}"));
    assertThat(empty.status).isEqualTo(400);
    assertThat(empty.fields()).containsExactlyInAnyOrder("lat", "lng", "capabilities");

    String tooMany = IntStream.range(0, 65).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));
    Reply many = admin(HttpRequest.PUT("/api/fleets/bad/devices/d1/placement",
        "{\"lat\":0,\"lng\":0,\"capabilities\":[" + tooMany + "]}"));
    assertThat(many.status).isEqualTo(400);
    assertThat(many.fields()).containsExactly("capabilities");
    assertThat(many.map().get("message").toString()).contains("at most 64 distinct names but holds 65");

    // 64 names on one device fit; one more name elsewhere in the fleet does not.
    String sixtyFour = IntStream.range(0, 64).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));
    assertThat(admin(HttpRequest.PUT("/api/fleets/bad/devices/d1/placement",
        "{\"lat\":0,\"lng\":0,\"capabilities\":[" + sixtyFour + "]}")).status).isEqualTo(200);
    Reply fleetFull = admin(HttpRequest.PUT("/api/fleets/bad/devices/d2/placement",
        "{\"lat\":0,\"lng\":0,\"capabilities\":[\"c1\",\"extra\"]}"));
    assertThat(fleetFull.status).isEqualTo(400);
    assertThat(fleetFull.fields()).containsExactly("capabilities");
    assertThat(fleetFull.body).contains("[extra]");

    Reply badDevice = admin(HttpRequest.PUT("/api/fleets/bad/devices/bad*device/placement",
        "{\"lat\":0,\"lng\":0,\"capabilities\":[]}"));
    assertThat(badDevice.status).isEqualTo(400);
    assertThat(badDevice.fields()).containsExactly("device");

    Reply limit = admin(HttpRequest.GET("/api/fleets/bad/coalitions?limit=0"));
    assertThat(limit.status).isEqualTo(400);
    assertThat(limit.fields()).containsExactly("limit");
  }

  @Test
  void anonymousIs401AndAViewerReadsButDoesNotWrite() {
    assertThat(call(HttpRequest.GET("/api/fleets/roles/coalitions"), null, null).status).isEqualTo(401);
    assertThat(call(HttpRequest.PUT("/api/fleets/roles/devices/d1/placement",
        "{\"lat\":0,\"lng\":0,\"capabilities\":[]}"), null, null).status).isEqualTo(401);

    Reply created = admin(HttpRequest.POST("/api/users",
        "{\"username\":\"coalition-viewer\",\"password\":\"viewer-password\",\"role\":\"VIEWER\"}"));
    assertThat(created.status).isEqualTo(201);
    assertThat(call(HttpRequest.PUT("/api/fleets/roles/devices/d1/placement",
        "{\"lat\":0,\"lng\":0,\"capabilities\":[]}"), "coalition-viewer", "viewer-password").status).isEqualTo(403);
    assertThat(call(HttpRequest.POST("/api/fleets/roles/coalitions/round", ""), "coalition-viewer",
        "viewer-password").status).isEqualTo(403);

    admin(HttpRequest.PUT("/api/fleets/roles/devices/d1/placement", "{\"lat\":0,\"lng\":0,\"capabilities\":[]}"));
    assertThat(admin(HttpRequest.POST("/api/fleets/roles/coalitions/round", "")).status).isEqualTo(200);
    Reply read = call(HttpRequest.GET("/api/fleets/roles/coalitions"), "coalition-viewer", "viewer-password");
    assertThat(read.status).isEqualTo(200);
    assertThat(read.map()).containsEntry("fleet", "roles").containsEntry("agents", 0);
    assertThat(call(HttpRequest.GET("/api/fleets/roles/devices/d1/placement"), "coalition-viewer",
        "viewer-password").status).isEqualTo(200);
  }

  @Test
  void aBadConfigurationIsRefusedWithEveryProblemNamed() {
    CoalitionsConfig bad = new CoalitionsConfig(true, Duration.ZERO, 16, -1, -0.5, -1);
    assertThatThrownBy(() -> bad.check(validator)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("5 problems")
        .hasMessageContaining("fa.coalitions.resolution = 16")
        .hasMessageContaining("fa.coalitions.k = -1")
        .hasMessageContaining("fa.coalitions.lambda = -0.5")
        .hasMessageContaining("fa.coalitions.rebuild-every = -1")
        .hasMessageContaining("fa.coalitions.round-interval = PT0S: must be positive");
    new CoalitionsConfig(true, Duration.ofSeconds(10), 9, 1, 0.25, 100).check(validator);
  }

  // --- helpers

  private void place(String fleet, String device, double lat, double lng, String... capabilities) {
    String names = java.util.Arrays.stream(capabilities).map(c -> "\"" + c + "\"")
        .collect(Collectors.joining(","));
    Reply reply = admin(HttpRequest.PUT("/api/fleets/" + fleet + "/devices/" + device + "/placement",
        "{\"lat\":" + lat + ",\"lng\":" + lng + ",\"capabilities\":[" + names + "]}"));
    assertThat(reply.status).as(reply.body).isEqualTo(200);
  }

  /** Tells the mirror about a stored beliefs message, as the ingest does after committing one. */
  private void feed(String fleet, String device, long sequence, BeliefSet state) throws InterruptedException {
    mirror.stored(List.of(new BeliefsStored(fleet, device, sequence, System.currentTimeMillis(), state,
        state.agents().stream().map(AgentBeliefs::agentId).toList())));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
  }

  /** Every coalition, singletons included, read page by page (2 per page). */
  private List<Map<String, Object>> allCoalitions(String fleet) {
    List<Map<String, Object>> all = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      Map<String, Object> page = admin(HttpRequest.GET("/api/fleets/" + fleet + "/coalitions?singletons=true&limit=2"
          + (next == null ? "" : "&after=" + next))).map();
      for (Object coalition : (List<?>) page.get("coalitions")) {
        all.add(map(coalition));
      }
      next = (String) page.get("next");
      pages++;
    } while (next != null && pages < 100);
    assertThat(pages).isGreaterThan(1);
    return all;
  }

  private static Map<String, Object> coalitionOf(List<Map<String, Object>> coalitions, String member) {
    return coalitions.stream().filter(c -> ((List<?>) c.get("members")).stream().map(m -> (Map<?, ?>) m)
        .anyMatch(m -> member.equals(m.get("device") + "#" + m.get("agent")))).findFirst().orElseThrow();
  }

  private static List<String> devices(Map<String, Object> coalition) {
    return ((List<?>) coalition.get("members")).stream().map(m -> String.valueOf(((Map<?, ?>) m).get("device")))
        .toList();
  }

  Reply admin(MutableHttpRequest<?> request) {
    return call(request, "admin", ADMIN_PASSWORD);
  }

  Reply call(MutableHttpRequest<?> request, String user, String password) {
    return ApiCalls.call(http, json, request, user, password);
  }
}
