package io.freeagentics.cloud.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * The twin of a device (table {@code twin}): the reported state (telemetry, the model and profile the device
 * acknowledged as applied) and the desired state an operator set, each with its version. Settings columns hold a
 * JSON object of strings.
 */
@MappedEntity("twin")
public record TwinRow(
    @Id Long devicePk,
    long reportedVersion,
    @Nullable Instant reportedAt,
    @Nullable Instant telemetryAt,
    @Nullable Integer batteryPerMille,
    @Nullable Boolean charging,
    @Nullable Integer temperatureDeciCelsius,
    @Nullable Integer tickIntervalMillis,
    @Nullable Integer agents,
    @Nullable Integer spoolDepth,
    @Nullable Integer spoolCapacity,
    @Nullable Long memoryUsedBytes,
    @Nullable Long memoryMaxBytes,
    @Nullable String modelName,
    @Nullable Long modelVersion,
    @Nullable Long modelCommandId,
    @Nullable String profileId,
    @Nullable String profileSettings,
    @Nullable Long profileCommandId,
    long desiredVersion,
    @Nullable Instant desiredAt,
    @Nullable String desiredBy,
    @Nullable String desiredModelName,
    @Nullable Long desiredModelVersion,
    @Nullable String desiredProfileId,
    @Nullable String desiredProfileSettings) {}
