package io.freeagentics.cloud.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A command sent to a device (table {@code device_command}) and what became of it.
 *
 * @param kind {@code MODEL_UPDATE} or {@code PROFILE_OVERRIDE}
 * @param payload the model JSON of a model update, the settings JSON object of a profile override
 * @param status {@code PENDING}, {@code SENT}, {@code ACCEPTED}, {@code APPLIED}, {@code REJECTED} or
 *     {@code FAILED}
 * @param ackedAt when the device's latest acknowledgement arrived (null: none yet)
 */
@MappedEntity("device_command")
public record CommandRow(@Id @GeneratedValue @Nullable Long id, Long devicePk, String kind,
    @Nullable String modelName, @Nullable Long modelVersion, @Nullable String profileId, String payload,
    String status, String detail, String requestedBy, Instant createdAt, Instant updatedAt,
    @Nullable Instant ackedAt) {}
