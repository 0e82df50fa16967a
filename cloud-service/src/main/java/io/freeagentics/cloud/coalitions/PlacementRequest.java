package io.freeagentics.cloud.coalitions;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The body of PUT .../placement.
 *
 * @param lat latitude in degrees
 * @param lng longitude in degrees
 * @param capabilities capability names (at most {@value CoalitionController#MAX_CAPABILITIES} distinct; a fleet uses
 *     at most as many distinct names over all its devices)
 */
@Serdeable
@Schema(description = "Where a device is and what it can do")
public record PlacementRequest(
    @NotNull @DecimalMin(value = "-90.0", message = "must be between -90 and 90")
    @DecimalMax(value = "90.0", message = "must be between -90 and 90") Double lat,
    @NotNull @DecimalMin(value = "-180.0", message = "must be between -180 and 180")
    @DecimalMax(value = "180.0", message = "must be between -180 and 180") Double lng,
    @NotNull List<@NotNull @Pattern(regexp = CoalitionController.CAPABILITY,
        message = "must be 1 to 32 characters from A-Z, a-z, 0-9, '_' and '-'") String> capabilities) {}
