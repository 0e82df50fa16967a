package io.freeagentics.cloud.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes every JSON error response of the service (the API's own and Micronaut's: bad JSON, failed conversions,
 * missing parameters, 401, 403, 404) an {@link ApiError}.
 */
@Singleton
final class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

  @Override
  public ApiError body(ErrorContext context, HttpResponse<?> response) {
    List<FieldProblem> problems = new ArrayList<>();
    for (Error error : context.getErrors()) {
      problems.add(new FieldProblem(error.getPath().orElse(null), error.getMessage()));
    }
    String message;
    if (problems.isEmpty()) {
      message = response.reason();
    } else if (problems.size() == 1) {
      message = problems.get(0).toString();
    } else {
      message = problems.size() + " problems, the first: " + problems.get(0);
    }
    String path = context.getRequest() == null ? null : context.getRequest().getPath();
    return new ApiError(response.code(), response.reason(), message, List.copyOf(problems), path);
  }
}
