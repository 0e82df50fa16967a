package io.freeagentics.cloud.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * The REST API ({@code fa.api.*}); checked by {@link ConfigurationCheck}.
 *
 * @param defaultPageSize items per page when a request names no {@code limit}
 * @param maxPageSize the largest {@code limit} a request may ask for
 * @param adminUser the user created when the API has no user yet (role ADMIN)
 * @param adminPassword its password (env {@code FA_API_ADMIN_PASSWORD}); when unset a random one is generated and
 *     written to {@code <fa.data-dir>/api-admin-password} (readable by the owner only)
 * @param credentialCache how long a verified user and password is remembered, so that HTTP Basic does not pay the
 *     password hash on every request (0 disables the cache)
 * @param passwordIterations PBKDF2-HMAC-SHA256 iterations of new password hashes
 */
@Introspected
@ConfigurationProperties("fa.api")
public record ApiConfig(
    @Bindable(defaultValue = "100") int defaultPageSize,
    @Bindable(defaultValue = "1000") int maxPageSize,
    @Bindable(defaultValue = "admin") String adminUser,
    @Nullable String adminPassword,
    @Bindable(defaultValue = "5m") Duration credentialCache,
    @Bindable(defaultValue = "120000") int passwordIterations) {

  @Override
  public @Min(1) @Max(10_000) int defaultPageSize() {
    return defaultPageSize;
  }

  @Override
  public @Min(1) @Max(10_000) int maxPageSize() {
    return maxPageSize;
  }

  @Override
  public @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
      message = "must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'") String adminUser() {
    return adminUser;
  }

  @Override
  public @Nullable @Size(min = 12, max = 256, message = "must have 12 to 256 characters") String adminPassword() {
    return adminPassword;
  }

  @Override
  public @NotNull Duration credentialCache() {
    return credentialCache;
  }

  @Override
  public @Min(10_000) @Max(10_000_000) int passwordIterations() {
    return passwordIterations;
  }
}
