package io.freeagentics.cloud.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** API users (ADMIN only). */
@Controller("/api/users")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
class UserController {
  private final ApiUsers users;

  UserController(ApiUsers users) {
    this.users = users;
  }

  @Get
  @Operation(summary = "Every API user, by name")
  List<UserView> users() {
    return users.list().stream()
        .map(u -> new UserView(u.username(), ApiRole.valueOf(u.role()), u.createdAt())).toList();
  }

  @Post
  @Operation(summary = "Creates an API user")
  @ApiResponse(responseCode = "201", description = "created")
  @ApiResponse(responseCode = "409", description = "a user of that name exists")
  HttpResponse<?> create(@Body @Valid @NotNull UserRequest body) {
    if (!users.create(body.username(), body.password(), body.role())) {
      throw new UserExistsException(body.username());
    }
    return HttpResponse.status(HttpStatus.CREATED);
  }
}
