package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.CommandKind;
import io.freeagentics.cloud.twin.ModelRef;
import io.freeagentics.cloud.twin.ProfileRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A command to send to a device. A MODEL_UPDATE carries {@code model} (name and version) and {@code modelJson} (the
 * model file, docs/model-format.md, validated before it is sent); a PROFILE_OVERRIDE carries {@code profile}.
 */
@Serdeable
@Schema(description = "A command: MODEL_UPDATE with model and modelJson, or PROFILE_OVERRIDE with profile")
public record CommandRequest(
    @NotNull CommandKind kind,
    @Nullable @Valid ModelRef model,
    @Nullable @Schema(description = "the model file (docs/model-format.md) of a MODEL_UPDATE", type = "object")
    JsonNode modelJson,
    @Nullable @Valid ProfileRef profile) {}
