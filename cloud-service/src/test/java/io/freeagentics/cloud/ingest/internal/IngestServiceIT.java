package io.freeagentics.cloud.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.beliefs.BeliefQueries;
import io.freeagentics.cloud.events.DeviceEvents;
import io.freeagentics.cloud.ingest.IngestServices;
import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.mirror.PopulationMirror;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ProfileOverride;
import io.freeagentics.wire.WireCodec;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ingest as the service starts it (Micronaut context, the registry's {@code DeviceReports}, Flyway on H2,
 * the real Mosquitto): a device's snapshot is stored, acknowledged, readable through {@link BeliefQueries} and
 * mirrored; its event is stored; a command goes down (the apitest environment also holds a recording down-link, so the MQTT one is
 * asked for by its class).
 */
class IngestServiceIT {

  @Test
  void theServiceIngestsAcknowledgesMirrorsAndSendsCommands() throws Exception {
    String uri = IngestServices.mqttUri();
    String run = Long.toString(System.nanoTime(), 36);
    String fleet = "svc-" + run;
    String clientId = "fa-it-svc-" + run;
    Map<String, Object> properties = Map.of("fa.mqtt.enabled", true, "fa.mqtt.uri", uri,
        "fa.mqtt.shared-group", "fa-it-svc-" + run, "fa.ingest.fleet", fleet, "fa.ingest.client-id", clientId,
        "fa.ingest.clients", 2);
    try (ApplicationContext context = ApplicationContext.run(properties, "apitest");
        TestDevices devices = new TestDevices(uri, fleet)) {
      MqttIngest ingest = context.getBean(MqttIngest.class);
      assertThat(ingest.awaitSubscribed(30, TimeUnit.SECONDS)).isTrue();
      devices.publish("dev-1", "beliefs", BeliefFixtures.snapshot("dev-1", 42, System.currentTimeMillis(),
          BeliefFixtures.grid(25, 9)));
      long deadline = System.currentTimeMillis() + 60_000;
      while (!devices.acked("dev-1", 42) && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(devices.acked("dev-1", 42)).isTrue();
      assertThat(context.getBean(IngestStats.class).snapshot().persisted()).isEqualTo(1);
      assertThat(context.getBean(BeliefQueries.class).latest(fleet, "dev-1")).hasSize(25)
          .allMatch(view -> view.tick() == 9);
      PopulationMirror mirror = context.getBean(PopulationMirror.class);
      assertThat(mirror.awaitIdle(30_000)).isTrue();
      assertThat(mirror.agents(fleet, "dev-1")).hasSize(25);

      devices.publish("dev-1", "events", WireCodec.encode(new DeviceEvent(new MessageHeader("dev-1", 43,
          System.currentTimeMillis()), "error", "{\"event\":\"error\",\"source\":\"sensors\"}")));
      DeviceEvents events = context.getBean(DeviceEvents.class);
      deadline = System.currentTimeMillis() + 30_000;
      while (events.page(fleet, "dev-1", null, null, 10).isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(events.page(fleet, "dev-1", null, null, 10)).singleElement().satisfies(event -> {
        assertThat(event.sequence()).isEqualTo(43);
        assertThat(event.kind()).isEqualTo("error");
      });

      SortedMap<String, String> settings = new TreeMap<>(Map.of("tick-ms", "500"));
      context.getBean(MqttDownlinkPublisher.class).send(fleet, "dev-1", 7, new ProfileOverride("pi4", settings));
      deadline = System.currentTimeMillis() + 30_000;
      while (devices.commands.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(devices.commands).singleElement().satisfies(command -> {
        assertThat(command.commandId()).isEqualTo(7);
        assertThat(command.header().deviceId()).isEqualTo("dev-1");
        assertThat(command.action()).isEqualTo(new ProfileOverride("pi4", settings));
      });
    } finally {
      IngestServices.clearSession(uri, clientId + "-0");
      IngestServices.clearSession(uri, clientId + "-1");
    }
  }
}
