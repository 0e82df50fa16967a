package io.freeagentics.cloud.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A fleet (table {@code fleet}): it exists from the first contact of one of its devices. */
@MappedEntity("fleet")
public record FleetRow(@Id String fleetId, Instant createdAt) {}
