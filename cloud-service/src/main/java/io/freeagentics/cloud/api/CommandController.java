package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.CommandKind;
import io.freeagentics.cloud.twin.CommandService;
import io.freeagentics.cloud.twin.CommandView;
import io.freeagentics.cloud.twin.DeviceKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;

/** Commands to a device: model updates and profile overrides, and what became of them. */
@Controller("/api/fleets/{fleet}/devices/{device}/commands")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "commands")
class CommandController {
  private final CommandService commands;
  private final CommandChecks checks;
  private final Paging paging;

  CommandController(CommandService commands, CommandChecks checks, Paging paging) {
    this.commands = commands;
    this.checks = checks;
    this.paging = paging;
  }

  @Post
  @Secured({"OPERATOR"})
  @Operation(summary = "Sends a model update or a profile override to the device",
      description = "The model file is validated first (400 lists every problem). 202: the broker took the"
          + " command; follow its status (SENT, then the device's ACCEPTED and APPLIED, REJECTED or FAILED) at the"
          + " Location.")
  @ApiResponse(responseCode = "202", description = "sent")
  @ApiResponse(responseCode = "400", description = "a bad body, every problem named")
  @ApiResponse(responseCode = "404", description = "the device never sent a message")
  @ApiResponse(responseCode = "503", description = "the MQTT broker did not take the command (it is FAILED)")
  HttpResponse<CommandView> send(
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @Body @Valid @NotNull CommandRequest body, Authentication user) {
    byte[] modelJson = checks.check(body);
    DeviceKey key = new DeviceKey(fleet, device);
    CommandView command = body.kind() == CommandKind.MODEL_UPDATE
        ? commands.sendModelUpdate(key, body.model(), modelJson, user.getName())
        : commands.sendProfileOverride(key, body.profile(), user.getName());
    return HttpResponse.accepted(URI.create("/api/fleets/" + fleet + "/devices/" + device + "/commands/"
        + command.id())).body(command);
  }

  @Get("/{id}")
  @Operation(summary = "One command and its status")
  @ApiResponse(responseCode = "404", description = "no such command for this device")
  CommandView command(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @PathVariable @Min(1) long id) {
    return commands.command(new DeviceKey(fleet, device), id);
  }

  @Get
  @Operation(summary = "The device's commands, newest first (without model files)")
  Page<CommandView> commands(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @Parameter(description = "list commands with an id below this one") @Nullable @QueryValue @Min(1) Long before,
      @Parameter(description = "page size (default fa.api.default-page-size)") @Nullable @QueryValue Integer limit) {
    int size = paging.limit(limit);
    List<CommandView> items = commands.commands(new DeviceKey(fleet, device),
        before == null ? Long.MAX_VALUE : before, size);
    return new Page<>(items, items.size() == size ? String.valueOf(items.get(items.size() - 1).id()) : null);
  }
}
