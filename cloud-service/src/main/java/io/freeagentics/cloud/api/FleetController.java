package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.DeviceView;
import io.freeagentics.cloud.twin.FleetView;
import io.freeagentics.cloud.twin.CachedFleetPages;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Fleets and their devices. */
@Controller("/api/fleets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "fleets")
class FleetController {
  private final CachedFleetPages twins;
  private final Paging paging;

  FleetController(CachedFleetPages twins, Paging paging) {
    this.twins = twins;
    this.paging = paging;
  }

  @Get
  @Operation(summary = "Fleets in id order, with their device counts",
      description = "Pass the page's next as after to get the next page.")
  Page<FleetView> fleets(
      @Parameter(description = "list fleets with an id after this one") @QueryValue(defaultValue = "")
      @Pattern(regexp = Ids.CURSOR, message = Ids.TOKEN_MESSAGE) String after,
      @Parameter(description = "page size (default fa.api.default-page-size)") @Nullable @QueryValue Integer limit) {
    int size = paging.limit(limit);
    List<FleetView> items = twins.fleets(after, size);
    return new Page<>(items, items.size() == size ? items.get(items.size() - 1).fleet() : null);
  }

  @Get("/{fleet}/devices")
  @Operation(summary = "The fleet's devices in id order", description = "404 when no device of the fleet was seen.")
  Page<DeviceView> devices(
      @PathVariable @Pattern(regexp = Ids.TOKEN, message = Ids.TOKEN_MESSAGE) String fleet,
      @Parameter(description = "only devices online (true) or offline (false)") @Nullable @QueryValue Boolean online,
      @Parameter(description = "list devices with an id after this one") @QueryValue(defaultValue = "")
      @Pattern(regexp = Ids.CURSOR, message = Ids.TOKEN_MESSAGE) String after,
      @Parameter(description = "page size (default fa.api.default-page-size)") @Nullable @QueryValue Integer limit) {
    int size = paging.limit(limit);
    List<DeviceView> items = twins.devices(fleet, online, after, size);
    return new Page<>(items, items.size() == size ? items.get(items.size() - 1).device() : null);
  }
}
