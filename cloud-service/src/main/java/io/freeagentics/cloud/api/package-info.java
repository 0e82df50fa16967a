/**
 * The REST API ({@code /api/...}): fleets, devices, twins (reported and desired state), agents' latest beliefs and
 * belief history, commands to devices, API users. Documented with OpenAPI (served under {@code /swagger}); users
 * authenticate with HTTP Basic; every error is an {@link io.freeagentics.cloud.api.ApiError} naming the bad field.
 */
package io.freeagentics.cloud.api;
