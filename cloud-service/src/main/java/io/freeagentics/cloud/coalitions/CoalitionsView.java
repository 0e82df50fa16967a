package io.freeagentics.cloud.coalitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A page of a fleet's current coalitions.
 *
 * @param fleet the fleet
 * @param formedAt when the round that formed them ended
 * @param agents agents in that round
 * @param totalValue the sum of the coalitions' values
 * @param coalitionCount coalitions of two or more agents
 * @param singletons agents alone
 * @param coalitions this page, by id
 * @param next the id to pass as {@code after} for the next page, null on the last page
 */
@Serdeable
@Schema(description = "A page of a fleet's current coalitions, with the totals of the round that formed them")
public record CoalitionsView(String fleet, Instant formedAt, int agents, double totalValue, int coalitionCount,
    int singletons, List<CoalitionView> coalitions, @Nullable String next) {

  /**
   * One coalition.
   *
   * @param id the smallest member's coalition agent id (device number * 2^32 + agent): stable while that agent stays
   * @param value v(C): 0 for an agent alone, more than 0 otherwise
   * @param members the member agents, by id
   * @param cells the distinct H3 cells of the members (addresses)
   */
  @Serdeable
  public record CoalitionView(long id, double value, List<MemberView> members, List<String> cells) {}

  /** A member agent: agent {@code agent} of device {@code device}. */
  @Serdeable
  public record MemberView(String device, int agent) {}
}
