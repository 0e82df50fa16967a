package io.freeagentics.cloud.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The device registry ({@code fa.twin.*}); checked by {@link ConfigurationCheck}.
 *
 * @param lastSeenFlush how often devices' last-seen times are written (one batch for all devices seen since)
 * @param knownDevices how many registered devices are remembered in memory (a device not remembered costs one
 *     database round trip on its next message)
 */
@Introspected
@ConfigurationProperties("fa.twin")
public record TwinConfig(
    @Bindable(defaultValue = "1s") Duration lastSeenFlush,
    @Bindable(defaultValue = "100000") long knownDevices) {

  @Override
  public @NotNull Duration lastSeenFlush() {
    return lastSeenFlush;
  }

  @Override
  public @Min(1) @Max(100_000_000) long knownDevices() {
    return knownDevices;
  }
}
