package io.freeagentics.cloud.api;

import io.freeagentics.cloud.ingest.DownlinkUnavailableException;
import io.freeagentics.cloud.twin.UnknownCommandException;
import io.freeagentics.cloud.twin.UnknownDeviceException;
import io.freeagentics.cloud.twin.VersionConflictException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Maps the API's exceptions to status codes with an {@link ApiError} body. */
@Factory
class ApiExceptionHandlers {

  /** 400 for every constraint violation of a request (body fields, query and path parameters), by field. */
  @Singleton
  @Replaces(ConstraintExceptionHandler.class)
  static final class Constraints implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    Constraints(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
      List<FieldProblem> problems = exception.getConstraintViolations().stream()
          .map(v -> new FieldProblem(field(v), v.getMessage()))
          .sorted(Comparator.comparing(p -> p.field() == null ? "" : p.field()))
          .toList();
      return respond(errors, request, exception, HttpResponse.badRequest(), problems);
    }

    /** The violation's path without the method and without the body parameter ({@code body.model.name}). */
    static String field(ConstraintViolation<?> violation) {
      StringBuilder field = new StringBuilder();
      boolean skippedBody = false;
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
          continue;
        }
        if (!skippedBody && node.getKind() == ElementKind.PARAMETER && "body".equals(node.getName())) {
          skippedBody = true;
          continue;
        }
        if (node.isInIterable() && field.length() > 0) {
          field.append('[').append(node.getKey() != null ? node.getKey() : node.getIndex()).append(']');
        }
        if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
          if (field.length() > 0) {
            field.append('.');
          }
          field.append(node.getName());
        }
      }
      return field.length() == 0 ? null : field.toString();
    }
  }

  /** 400 with the problems the API found itself. */
  @Singleton
  static final class Invalid implements ExceptionHandler<InvalidRequestException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    Invalid(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidRequestException exception) {
      return respond(errors, request, exception, HttpResponse.badRequest(), exception.problems());
    }
  }

  /** 404: no such device or fleet. */
  @Singleton
  static final class UnknownDevice implements ExceptionHandler<UnknownDeviceException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    UnknownDevice(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnknownDeviceException exception) {
      return respond(errors, request, exception, HttpResponse.notFound(),
          List.of(new FieldProblem(null, exception.getMessage())));
    }
  }

  /** 404: no such command. */
  @Singleton
  static final class UnknownCommand implements ExceptionHandler<UnknownCommandException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    UnknownCommand(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnknownCommandException exception) {
      return respond(errors, request, exception, HttpResponse.notFound(),
          List.of(new FieldProblem("id", exception.getMessage())));
    }
  }

  /** 409: the desired state moved on; the body names the current version. */
  @Singleton
  static final class Conflict implements ExceptionHandler<VersionConflictException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    Conflict(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, VersionConflictException exception) {
      return respond(errors, request, exception, HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT),
          List.of(new FieldProblem("expectedVersion", exception.getMessage())));
    }
  }

  /** 503: the broker did not take the command; retry later. */
  @Singleton
  static final class Downlink implements ExceptionHandler<DownlinkUnavailableException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    Downlink(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DownlinkUnavailableException exception) {
      return respond(errors, request, exception,
          HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5"),
          List.of(new FieldProblem(null, "the MQTT broker did not take the command, retry later: "
              + exception.getMessage())));
    }
  }

  /** 409: the user exists. */
  @Singleton
  static final class UserExists implements ExceptionHandler<UserExistsException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    UserExists(ErrorResponseProcessor<?> errors) {
      this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, UserExistsException exception) {
      return respond(errors, request, exception, HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT),
          List.of(new FieldProblem("username", exception.getMessage())));
    }
  }

  static HttpResponse<?> respond(ErrorResponseProcessor<?> errors, HttpRequest<?> request, Throwable cause,
      MutableHttpResponse<?> response, List<FieldProblem> problems) {
    ErrorContext.Builder context = ErrorContext.builder(request).cause(cause);
    for (FieldProblem problem : problems) {
      context.error(new Error() {
        @Override
        public String getMessage() {
          return problem.problem();
        }

        @Override
        public Optional<String> getPath() {
          return Optional.ofNullable(problem.field());
        }
      });
    }
    return errors.processResponse(context.build(), response);
  }
}
