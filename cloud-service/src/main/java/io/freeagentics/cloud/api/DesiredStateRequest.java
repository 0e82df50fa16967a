package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.ModelRef;
import io.freeagentics.cloud.twin.ProfileRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A new desired state: it replaces the whole desired state (a missing part means no wish), if the desired state is
 * still at {@code expectedVersion}.
 */
@Serdeable
@Schema(description = "A new desired state, replacing the one at expectedVersion")
public record DesiredStateRequest(
    @NotNull @PositiveOrZero @Schema(description = "the desired version the caller read", example = "0")
    Long expectedVersion,
    @Nullable @Valid ModelRef model,
    @Nullable @Valid ProfileRef profile) {}
