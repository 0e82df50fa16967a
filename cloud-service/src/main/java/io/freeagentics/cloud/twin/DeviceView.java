package io.freeagentics.cloud.twin;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A device as the device list shows it.
 *
 * @param lastSeen when its latest message of any kind arrived
 * @param online what its latest presence message said (devices start offline)
 */
@Serdeable
@Schema(description = "A device of a fleet")
public record DeviceView(String fleet, String device, Instant firstSeen, Instant lastSeen, boolean online) {}
