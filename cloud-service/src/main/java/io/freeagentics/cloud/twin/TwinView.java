package io.freeagentics.cloud.twin;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A device's twin: the device, its reported and its desired state.
 *
 * @param converged whether the reported model and profile are the desired ones (a part with no wish counts as
 *     converged)
 */
@Serdeable
@Schema(description = "A device twin: reported and desired state with their versions")
public record TwinView(String fleet, String device, Instant firstSeen, Instant lastSeen, ReportedState reported,
    DesiredState desired, boolean converged) {}
