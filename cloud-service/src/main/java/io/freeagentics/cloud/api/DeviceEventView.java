package io.freeagentics.cloud.api;

import io.freeagentics.cloud.events.StoredEvent;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event a device reported.
 *
 * @param sequence the device's sequence number of the message; pages go to lower sequences
 * @param kind what happened: {@code error} (a sensor or actuator failed), {@code stopped} (the runtime stopped), ...
 * @param edgeTime the device's clock when it happened
 * @param storedTime the cloud's clock when it stored the event
 * @param body the device's JSON record of it, as text
 */
@Serdeable
@Schema(description = "One event a device reported (a sensor failing, the runtime stopping); body is its JSON record")
public record DeviceEventView(long sequence, String kind, Instant edgeTime, Instant storedTime, String body) {

  static DeviceEventView of(StoredEvent event) {
    return new DeviceEventView(event.sequence(), event.kind(), Instant.ofEpochMilli(event.edgeMillis()),
        Instant.ofEpochMilli(event.storedMillis()), event.body());
  }
}
