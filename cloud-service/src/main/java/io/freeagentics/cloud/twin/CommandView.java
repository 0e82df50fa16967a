package io.freeagentics.cloud.twin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A command as the API shows it (without the model JSON it carried).
 *
 * @param model the model of a MODEL_UPDATE, else null
 * @param profile the profile and settings of a PROFILE_OVERRIDE, else null
 * @param detail the device's (or the broker's) explanation, possibly empty
 * @param ackedAt when the device's latest acknowledgement arrived, null before
 */
@Serdeable
@Schema(description = "A command sent to a device and what became of it")
public record CommandView(long id, String fleet, String device, CommandKind kind, @Nullable ModelRef model,
    @Nullable ProfileRef profile, CommandState status, String detail, String requestedBy, Instant createdAt,
    Instant updatedAt, @Nullable Instant ackedAt) {}
