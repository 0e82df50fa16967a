package io.freeagentics.cloud.api;

import io.freeagentics.cloud.beliefs.BeliefQueries;
import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.cloud.twin.CachedTwins;
import io.freeagentics.cloud.twin.UnknownDeviceException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Agents' beliefs as devices synced them: the latest per agent, and one agent's history by tick. */
@Controller("/api/fleets/{fleet}/devices/{device}/agents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "beliefs")
class BeliefController {
  private final BeliefQueries beliefs;
  private final CachedTwins twins;
  private final Paging paging;

  BeliefController(BeliefQueries beliefs, CachedTwins twins, Paging paging) {
    this.beliefs = beliefs;
    this.twins = twins;
    this.paging = paging;
  }

  @Get
  @Operation(summary = "The latest stored beliefs of every agent of the device, by agent id")
  @ApiResponse(responseCode = "404", description = "the device never sent a message")
  List<AgentBeliefs> latest(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device) {
    DeviceKey key = known(fleet, device);
    return beliefs.latest(key.fleet(), key.device()).stream().map(AgentBeliefs::of).toList();
  }

  @Get("/{agent}")
  @Operation(summary = "The latest stored beliefs of one agent")
  @ApiResponse(responseCode = "404", description = "no beliefs of this agent were stored")
  AgentBeliefs latestOfAgent(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @PathVariable @Min(0) int agent) {
    DeviceKey key = known(fleet, device);
    return beliefs.latest(key.fleet(), key.device(), agent).map(AgentBeliefs::of)
        .orElseThrow(() -> new UnknownDeviceException("no beliefs of agent " + agent + " of device " + key
            + " were stored"));
  }

  @Get("/{agent}/history")
  @Operation(summary = "One agent's stored beliefs with fromTick <= tick <= toTick, by increasing tick",
      description = "Pass the page's next as fromTick to get the next page.")
  Page<AgentBeliefs> history(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @PathVariable @Min(0) int agent,
      @Parameter(description = "first tick (default 0)") @Nullable @QueryValue @Min(0) Long fromTick,
      @Parameter(description = "last tick (default: no bound)") @Nullable @QueryValue @Min(0) Long toTick,
      @Parameter(description = "page size (default fa.api.default-page-size)") @Nullable @QueryValue Integer limit) {
    long from = fromTick == null ? 0 : fromTick;
    long to = toTick == null ? Long.MAX_VALUE : toTick;
    if (from > to) {
      throw new InvalidRequestException("fromTick", "must not exceed toTick " + to + " but was " + from);
    }
    int size = paging.limit(limit);
    DeviceKey key = known(fleet, device);
    List<AgentBeliefs> items = beliefs.history(key.fleet(), key.device(), agent, from, to, size).stream()
        .map(AgentBeliefs::of).toList();
    String next = items.size() == size && items.get(items.size() - 1).tick() < to
        ? String.valueOf(items.get(items.size() - 1).tick() + 1) : null;
    return new Page<>(items, next);
  }

  private DeviceKey known(String fleet, String device) {
    DeviceKey key = new DeviceKey(fleet, device);
    twins.twin(key);
    return key;
  }
}
