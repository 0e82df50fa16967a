package io.freeagentics.cloud.twin;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A fleet with its number of devices and of devices online. */
@Serdeable
@Schema(description = "A fleet and its device counts")
public record FleetView(String fleet, Instant createdAt, long devices, long online) {}
