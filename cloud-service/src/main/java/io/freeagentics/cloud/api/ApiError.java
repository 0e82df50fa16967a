package io.freeagentics.cloud.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of every error response of the API.
 *
 * @param status the HTTP status code
 * @param error the HTTP reason phrase
 * @param message a one-line summary, naming the first problem
 * @param problems every problem found, each with the field it concerns (empty when there is no field to name)
 * @param path the request path
 */
@Serdeable
@Schema(description = "An error: what went wrong, and for a bad request every field that is wrong")
public record ApiError(int status, String error, String message, List<FieldProblem> problems,
    @Nullable String path) {}
