package io.freeagentics.cloud.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An API user as listed (never its password hash). */
@Serdeable
public record UserView(String username, ApiRole role, Instant createdAt) {}
