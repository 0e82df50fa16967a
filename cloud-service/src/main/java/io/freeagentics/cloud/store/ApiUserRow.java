package io.freeagentics.cloud.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A user of the REST API (table {@code api_user}).
 *
 * @param passwordHash {@code pbkdf2-sha256$iterations$salt$hash}, salt and hash in Base64
 * @param role {@code ADMIN}, {@code OPERATOR} or {@code VIEWER}
 */
@MappedEntity("api_user")
public record ApiUserRow(@Id String username, String passwordHash, String role, Instant createdAt) {}
