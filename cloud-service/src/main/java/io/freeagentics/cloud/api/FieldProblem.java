package io.freeagentics.cloud.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with a request.
 *
 * @param field where: a body field path ({@code model.version}, {@code modelJson.A[0]}), a query or path parameter
 *     ({@code limit}), or null when the problem concerns the request as a whole
 * @param problem what is wrong
 */
@Serdeable
public record FieldProblem(@Nullable String field, String problem) {

  @Override
  public String toString() {
    return field == null ? problem : field + ": " + problem;
  }
}
