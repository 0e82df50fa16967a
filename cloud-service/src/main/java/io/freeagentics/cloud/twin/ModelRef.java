package io.freeagentics.cloud.twin;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A generative model by name and version, as a twin's desired or reported model. */
@Serdeable
@Schema(description = "A generative model by name and version")
public record ModelRef(
    @NotBlank @Size(max = 128) @Schema(example = "greenhouse") String name,
    @NotNull @Min(1) @Schema(example = "3") Long version) {}
