package io.freeagentics.cloud.api;

import io.freeagentics.cloud.events.DeviceEvents;
import io.freeagentics.cloud.twin.CachedTwins;
import io.freeagentics.cloud.twin.DeviceKey;
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

/** The events a device reported (sensor and actuator failures, the runtime stopping), newest first. */
@Controller("/api/fleets/{fleet}/devices/{device}/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
class EventController {
  private final DeviceEvents events;
  private final CachedTwins twins;
  private final Paging paging;

  EventController(DeviceEvents events, CachedTwins twins, Paging paging) {
    this.events = events;
    this.twins = twins;
    this.paging = paging;
  }

  @Get
  @Operation(summary = "The device's stored events, newest first",
      description = "Kept for fa.events.retention after they were stored. Pass the page's next as before to get "
          + "the next (older) page.")
  @ApiResponse(responseCode = "404", description = "the device never sent a message")
  Page<DeviceEventView> list(@PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String device,
      @Parameter(description = "only events of this kind, e.g. error") @Nullable @QueryValue
      @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String kind,
      @Parameter(description = "cursor: events with a lower sequence than this (the previous page's next)")
      @Nullable @QueryValue @Min(0) Long before,
      @Parameter(description = "page size (default fa.api.default-page-size)") @Nullable @QueryValue Integer limit) {
    int size = paging.limit(limit);
    DeviceKey key = new DeviceKey(fleet, device);
    twins.twin(key);
    List<DeviceEventView> items = events.page(fleet, device, kind, before, size).stream()
        .map(DeviceEventView::of).toList();
    String next = items.size() == size ? String.valueOf(items.get(items.size() - 1).sequence()) : null;
    return new Page<>(items, next);
  }
}
