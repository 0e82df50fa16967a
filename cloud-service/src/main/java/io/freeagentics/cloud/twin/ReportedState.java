package io.freeagentics.cloud.twin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What a device reported about itself: its latest telemetry, whether it is online, and the model and profile it
 * acknowledged as applied. Fields are null until reported. Every change increments {@code version}.
 *
 * @param telemetryAt the device's clock when it took the latest telemetry
 * @param temperatureCelsius SoC temperature, null when unknown
 * @param batteryPerMille state of charge in thousandths, null on mains power or before the first telemetry
 */
@Serdeable
@Schema(description = "The state a device reported, with its version")
public record ReportedState(long version, @Nullable Instant updatedAt, boolean online,
    @Nullable Instant telemetryAt, @Nullable Integer batteryPerMille, @Nullable Boolean charging,
    @Nullable Double temperatureCelsius, @Nullable Integer tickIntervalMillis, @Nullable Integer agents,
    @Nullable Integer spoolDepth, @Nullable Integer spoolCapacity, @Nullable Long memoryUsedBytes,
    @Nullable Long memoryMaxBytes, @Nullable ModelRef model, @Nullable ProfileRef profile) {}
