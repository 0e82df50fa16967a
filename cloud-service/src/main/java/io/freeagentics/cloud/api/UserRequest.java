package io.freeagentics.cloud.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new API user. */
@Serdeable
@Schema(description = "A new API user")
public record UserRequest(
    @NotNull @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String username,
    @NotNull @Size(min = 12, max = 256, message = "must have 12 to 256 characters") String password,
    @NotNull ApiRole role) {}
