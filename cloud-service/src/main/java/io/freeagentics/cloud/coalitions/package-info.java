/**
 * Coalitions in the cloud: device placements (where a device is and what it can do, {@link
 * io.freeagentics.cloud.coalitions.DevicePlacements}), periodic coalition formation rounds over every fleet's placed
 * devices and their mirrored agents ({@link io.freeagentics.cloud.coalitions.CoalitionRounds}, with the Micrometer
 * timer {@code fa.coalitions.round}), and the REST API that shows the current coalitions and sets placements
 * ({@link io.freeagentics.cloud.coalitions.CoalitionController}). The formation itself is the {@code coalitions}
 * module (docs/coalitions.md).
 */
package io.freeagentics.cloud.coalitions;
