package io.freeagentics.cloud.coalitions;

import com.uber.h3core.H3Core;
import static io.freeagentics.cloud.api.Ids.TOKEN;
import static io.freeagentics.cloud.api.Ids.TOKEN_MESSAGE;

import io.freeagentics.cloud.api.FieldProblem;
import io.freeagentics.cloud.api.InvalidRequestException;
import io.freeagentics.cloud.api.Paging;
import io.freeagentics.coalitions.Coalition;
import io.freeagentics.coalitions.CoalitionStructure;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Coalitions of a fleet's agents (the latest round of {@link CoalitionRounds}) and device placements, the input
 * that locates devices and names their capabilities. Reads need any role, writes OPERATOR; errors are
 * {@link io.freeagentics.cloud.api.ApiError}s naming each bad field, as everywhere in the API.
 */
@Controller("/api/fleets/{fleet}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "coalitions")
class CoalitionController {
  /** A capability name. */
  static final String CAPABILITY = "[A-Za-z0-9_-]{1,32}";
  /** Distinct capabilities a device, and a fleet, may have (the bits of the formation's capability set). */
  static final int MAX_CAPABILITIES = io.freeagentics.coalitions.Agent.MAX_CAPABILITIES;

  private final CoalitionRounds rounds;
  private final DevicePlacements placements;
  private final Paging paging;
  private final H3Core h3;

  CoalitionController(CoalitionRounds rounds, DevicePlacements placements, Paging paging) {
    this.rounds = rounds;
    this.placements = placements;
    this.paging = paging;
    try {
      this.h3 = H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("the H3 native library could not be loaded", e);
    }
  }

  @Get("/coalitions")
  @Operation(summary = "The fleet's coalitions after its latest round, by id",
      description = "Coalitions of two or more agents (with singletons=true also every agent alone, so the list is"
          + " a partition of the round's agents). Pass the page's next as after to get the next page.")
  @ApiResponse(responseCode = "404", description = "no coalition round of this fleet has run yet")
  CoalitionsView coalitions(@PathVariable @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String fleet,
      @Parameter(description = "list coalitions with an id after this one") @Nullable @QueryValue @Min(0) Long after,
      @Parameter(description = "also list agents alone (default false)") @QueryValue(defaultValue = "false")
      boolean singletons,
      @Parameter(description = "page size (default fa.api.default-page-size)") @Nullable @QueryValue Integer limit) {
    int size = paging.limit(limit);
    FleetCoalitions latest = rounds.latest(fleet).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
        "no coalition round of fleet " + fleet + " has run yet"));
    CoalitionStructure structure = latest.structure();
    List<Coalition> all = singletons ? structure.allCoalitions() : structure.coalitions();
    List<CoalitionsView.CoalitionView> page = new ArrayList<>(Math.min(size, all.size()));
    boolean more = false;
    for (Coalition coalition : all) {
      if (after != null && coalition.id() <= after) {
        continue;
      }
      if (page.size() == size) {
        more = true;
        break;
      }
      page.add(view(latest, coalition));
    }
    String next = more ? String.valueOf(page.get(page.size() - 1).id()) : null;
    return new CoalitionsView(fleet, latest.formedAt(), structure.agentCount(), structure.totalValue(),
        structure.coalitionCount(), structure.singletonCount(), page, next);
  }

  @Post("/coalitions/round")
  @Secured({"OPERATOR"})
  @Operation(summary = "Runs a coalition round of the fleet now and returns what it did",
      description = "Waits for a round of the fleet in progress. Runs even when scheduled rounds are disabled.")
  RoundView round(@PathVariable @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String fleet) {
    return RoundView.of(rounds.round(fleet));
  }

  @Get("/devices/{device}/placement")
  @Operation(summary = "Where the device is and what it can do")
  @ApiResponse(responseCode = "404", description = "the device was never placed")
  PlacementView placement(@PathVariable @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String device) {
    return placements.get(fleet, device).map(PlacementView::of).orElseThrow(() -> new HttpStatusException(
        HttpStatus.NOT_FOUND, "device " + fleet + "/" + device + " was never placed"));
  }

  @Put("/devices/{device}/placement")
  @Secured({"OPERATOR"})
  @Operation(summary = "Sets where the device is and what it can do",
      description = "Capabilities are stored distinct and sorted; a device, and its fleet over all its devices,"
          + " may use at most 64 distinct capability names. Takes effect at the fleet's next coalition round.")
  @ApiResponse(responseCode = "200", description = "the stored placement")
  @ApiResponse(responseCode = "409", description = "placed by a concurrent request at the same time: repeat")
  PlacementView place(@PathVariable @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String fleet,
      @PathVariable @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String device,
      @Body @Valid @NotNull PlacementRequest body) {
    TreeSet<String> names = new TreeSet<>(body.capabilities());
    if (names.size() > MAX_CAPABILITIES) {
      throw new InvalidRequestException("capabilities", "must hold at most " + MAX_CAPABILITIES
          + " distinct names but holds " + names.size());
    }
    TreeSet<String> others = new TreeSet<>();
    for (DevicePlacement other : placements.list(fleet)) {
      if (!other.device().equals(device)) {
        others.addAll(other.capabilities());
      }
    }
    TreeSet<String> fleetNames = new TreeSet<>(others);
    fleetNames.addAll(names);
    if (fleetNames.size() > MAX_CAPABILITIES) {
      throw new InvalidRequestException(List.of(new FieldProblem("capabilities", "fleet " + fleet
          + " would use " + fleetNames.size() + " distinct capability names, at most " + MAX_CAPABILITIES
          + " fit (names new to the fleet: " + names.stream().filter(n -> !others.contains(n)).toList() + ")")));
    }
    try {
      return PlacementView.of(placements.put(fleet, device, body.lat(), body.lng(), List.copyOf(names)));
    } catch (PlacementConflictException e) {
      throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
    }
  }

  private CoalitionsView.CoalitionView view(FleetCoalitions round, Coalition coalition) {
    List<CoalitionsView.MemberView> members = new ArrayList<>(coalition.size());
    for (long id : coalition.members()) {
      members.add(new CoalitionsView.MemberView(round.deviceOf(id), AgentIds.agent(id)));
    }
    List<String> cells = new ArrayList<>();
    for (long cell : coalition.cells()) {
      cells.add(h3.h3ToString(cell));
    }
    return new CoalitionsView.CoalitionView(coalition.id(), coalition.value(), members, cells);
  }
}
