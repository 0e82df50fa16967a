package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.cloud.twin.CachedTwins;
import io.freeagentics.cloud.twin.TwinView;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;

/** Device twins: reported and desired state. */
@Controller("/api/fleets/{fleet}/devices/{device}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "twins")
class TwinController {
  private final CachedTwins twins;

  TwinController(CachedTwins twins) {
    this.twins = twins;
  }

  @Get
  @Operation(summary = "The device's twin: reported and desired state with their versions")
  @ApiResponse(responseCode = "404", description = "the device never sent a message")
  TwinView twin(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device) {
    return twins.twin(new DeviceKey(fleet, device));
  }

  @Put("/desired")
  @Secured({"OPERATOR"})
  @Operation(summary = "Replaces the desired state if it is still at expectedVersion",
      description = "Returns the twin with the desired state at expectedVersion + 1. The desired state records the"
          + " operator's intent; POST .../commands delivers a model or profile to the device.")
  @ApiResponse(responseCode = "200", description = "replaced")
  @ApiResponse(responseCode = "409", description = "the desired state is at another version: read it again")
  TwinView updateDesired(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @Body @Valid @NotNull DesiredStateRequest body, Authentication user) {
    List<FieldProblem> problems = new ArrayList<>();
    ProfileChecks.check("profile", body.profile(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return twins.updateDesired(new DeviceKey(fleet, device), body.expectedVersion(), body.model(), body.profile(),
        user.getName());
  }
}
