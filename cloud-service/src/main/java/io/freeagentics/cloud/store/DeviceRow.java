package io.freeagentics.cloud.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A device (table {@code device}), unique by fleet and device id; {@code id} is the surrogate key twins and
 * commands refer to.
 *
 * @param lastSeen written in batches, so it may lag the newest message by the flush interval
 * @param presenceReceivedAt when the presence message that set {@code online} arrived (null: none yet)
 */
@MappedEntity("device")
public record DeviceRow(@Id @GeneratedValue @Nullable Long id, String fleetId, String deviceId, Instant firstSeen,
    Instant lastSeen, boolean online, @Nullable Instant presenceReceivedAt) {}
