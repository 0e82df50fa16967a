package io.freeagentics.cloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.api.ApiCalls;
import io.freeagentics.cloud.api.ApiCalls.Reply;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.ingest.internal.BaseCache;
import io.freeagentics.cloud.ingest.internal.BeliefFixtures;
import io.freeagentics.cloud.ingest.internal.DedupeWindow;
import io.freeagentics.cloud.ingest.internal.Inbound;
import io.freeagentics.cloud.ingest.internal.IngestPipeline;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Device events end to end in the service's context: stored by the ingest pipeline (Flyway's V4 on H2), listed over
 * REST newest first with a cursor and a kind filter, bad parameters named, and purged after the retention.
 */
@MicronautTest(environments = "apitest", transactional = false)
class DeviceEventsApiTest {
  private static final String ADMIN_PASSWORD = "admin-password-for-tests";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject
  JsonMapper json;

  @Inject
  @Named("default")
  DataSource dataSource;

  @Inject
  DeviceReports reports;

  @Inject
  DeviceEvents events;

  @Test
  void storedEventsAreListedNewestFirstPagedFilteredAndPurgedAfterTheRetention() throws Exception {
    List<String> brokerAcks = new ArrayList<>();
    long[] now = {1_000_000};
    IngestPipeline pipeline = new IngestPipeline(DelegatingDataSource.unwrapDataSource(dataSource), reports,
        (fleet, device, sequence) -> { }, new IngestStats(), new DedupeWindow(8, 10), new BaseCache(2, 1 << 20),
        List.of(), () -> now[0]);
    List<Inbound> batch = new ArrayList<>();
    for (int s = 1; s <= 5; s++) {
      String kind = s % 2 == 0 ? "stopped" : "error";
      batch.add(BeliefFixtures.inbound("events-farm", "pump-1", "events", WireCodec.encode(new DeviceEvent(
          new MessageHeader("pump-1", s, 900_000 + s), kind, "{\"event\":\"" + kind + "\",\"n\":" + s + "}")),
          brokerAcks));
    }
    pipeline.process(batch);
    assertThat(brokerAcks).hasSize(5);

    Reply first = admin(HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events?limit=2"));
    assertThat(first.status).isEqualTo(200);
    List<Map<String, Object>> items = items(first);
    assertThat(items).extracting(item -> ((Number) item.get("sequence")).longValue()).containsExactly(5L, 4L);
    assertThat(items.get(0)).containsEntry("kind", "error").containsEntry("body", "{\"event\":\"error\",\"n\":5}")
        .containsEntry("edgeTime", "1970-01-01T00:15:00.005Z").containsEntry("storedTime", "1970-01-01T00:16:40Z");
    assertThat(first.map().get("next")).isEqualTo("4");

    Reply second = admin(HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events?limit=2&before=4"));
    assertThat(items(second)).extracting(item -> ((Number) item.get("sequence")).longValue())
        .containsExactly(3L, 2L);
    Reply errors = admin(HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events?kind=error"));
    assertThat(items(errors)).extracting(item -> ((Number) item.get("sequence")).longValue())
        .containsExactly(5L, 3L, 1L);
    assertThat(errors.map().get("next")).isNull();

    assertThat(admin(HttpRequest.GET("/api/fleets/events-farm/devices/nobody/events")).status).isEqualTo(404);
    Reply badKind = admin(HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events?kind=a%20b"));
    assertThat(badKind.status).isEqualTo(400);
    assertThat(badKind.fields()).containsExactly("kind");
    assertThat(admin(HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events?limit=0")).fields())
        .containsExactly("limit");
    assertThat(ApiCalls.call(http, json, HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events"), null,
        null).status).isEqualTo(401);

    EventsConfig week = new EventsConfig(Duration.ofDays(7), Duration.ofHours(1));
    long stored = 1_000_000;
    assertThat(new EventRetention(events, week, () -> stored + Duration.ofDays(7).toMillis()).purge()).isZero();
    assertThat(new EventRetention(events, week, () -> stored + Duration.ofDays(7).toMillis() + 1).purge())
        .isEqualTo(5);
    assertThat(items(admin(HttpRequest.GET("/api/fleets/events-farm/devices/pump-1/events")))).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Reply reply) {
    return (List<Map<String, Object>>) reply.map().get("items");
  }

  private Reply admin(MutableHttpRequest<?> request) {
    return ApiCalls.call(http, json, request, "admin", ADMIN_PASSWORD);
  }
}
