package io.freeagentics.cloud.store;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;

/** A fleet with its number of devices and of devices online, as the fleet list shows it. */
@Introspected
public record FleetSummary(String fleetId, Instant createdAt, long devices, long online) {}
