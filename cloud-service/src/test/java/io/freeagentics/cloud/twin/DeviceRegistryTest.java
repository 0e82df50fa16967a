package io.freeagentics.cloud.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.cloud.store.DeviceRepository;
import io.freeagentics.cloud.store.DeviceRow;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The registry the ingest reports to: registration once, batched last-seen times, ordering of presence. */
@MicronautTest(environments = "apitest", transactional = false)
class DeviceRegistryTest {
  @Inject
  DeviceRegistry registry;

  @Inject
  DeviceRepository devices;

  @Inject
  TwinService twins;

  @Inject
  MeterRegistry meters;

  @Test
  void aKnownDeviceCostsNoDatabaseLookupAndItsLastSeenIsWrittenInOneBatch() {
    long t0 = 1_800_000_000_000L;
    double lookupsBefore = meters.counter("fa.twin.device.lookups").count();
    registry.seen("batch", "dev-1", t0);
    for (int i = 1; i <= 100; i++) {
      registry.seen("batch", "dev-1", t0 + i);
    }
    assertThat(meters.counter("fa.twin.device.lookups").count() - lookupsBefore).isEqualTo(1.0);

    DeviceRow stored = devices.findByFleetIdAndDeviceId("batch", "dev-1").orElseThrow();
    assertThat(stored.lastSeen()).isEqualTo(Instant.ofEpochMilli(t0));
    // The API already shows the newest time, before it is written.
    assertThat(twins.twin(new DeviceKey("batch", "dev-1")).lastSeen()).isEqualTo(Instant.ofEpochMilli(t0 + 100));

    registry.flush();
    assertThat(devices.findByFleetIdAndDeviceId("batch", "dev-1").orElseThrow().lastSeen())
        .isEqualTo(Instant.ofEpochMilli(t0 + 100));
    assertThat(registry.pendingLastSeen(stored.id())).isNull();

    // An older time never moves last-seen backward.
    registry.seen("batch", "dev-1", t0 + 50);
    registry.flush();
    assertThat(devices.findByFleetIdAndDeviceId("batch", "dev-1").orElseThrow().lastSeen())
        .isEqualTo(Instant.ofEpochMilli(t0 + 100));
  }

  @Test
  void presenceFollowsTheOrderOfArrivalNotTheDevicesClock() {
    long t0 = 1_800_000_000_000L;
    // The last will carries the timestamp of the connect, older than the online message it follows.
    registry.presence("presence", "dev-1", new Presence(new MessageHeader("dev-1", 1, t0 + 10), true), t0 + 20);
    registry.presence("presence", "dev-1", new Presence(new MessageHeader("dev-1", 0, t0), false), t0 + 30);
    assertThat(devices.findByFleetIdAndDeviceId("presence", "dev-1").orElseThrow().online()).isFalse();
    // A presence delivered late (received earlier than the recorded one) changes nothing.
    registry.presence("presence", "dev-1", new Presence(new MessageHeader("dev-1", 1, t0 + 10), true), t0 + 25);
    TwinView twin = twins.twin(new DeviceKey("presence", "dev-1"));
    assertThat(twin.reported().online()).isFalse();
    assertThat(twin.reported().version()).isEqualTo(2);
  }

  @Test
  void anAcknowledgementOfACommandNeverSentToTheDeviceChangesNothing() {
    registry.commandAck("acks", "dev-1", new CommandAck(new MessageHeader("dev-1", 1, 1L), 987_654, CommandStatus.APPLIED,
        ""), System.currentTimeMillis());
    assertThat(twins.twin(new DeviceKey("acks", "dev-1")).reported().version()).isZero();
  }

  @Test
  void badIdsAreRefusedNamingTheArgument() {
    assertThatThrownBy(() -> registry.seen("bad fleet", "dev-1", 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fleet").hasMessageContaining("' '");
    assertThatThrownBy(() -> registry.seen("fleet", "", 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("device");
  }
}
