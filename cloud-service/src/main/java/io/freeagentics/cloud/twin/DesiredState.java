package io.freeagentics.cloud.twin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What an operator wants the device to run: a model and a profile with overrides (null: no wish). Every change
 * increments {@code version}; a change must name the version it replaces.
 */
@Serdeable
@Schema(description = "The state an operator wants, with its version")
public record DesiredState(long version, @Nullable Instant updatedAt, @Nullable String updatedBy,
    @Nullable ModelRef model, @Nullable ProfileRef profile) {}
