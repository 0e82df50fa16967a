package io.freeagentics.cloud.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.ingest.internal.BeliefFixtures;
import io.freeagentics.cloud.mirror.PopulationMirror;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefSet;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With scheduled rounds on, every fleet with placed devices gets rounds without anyone asking. */
@MicronautTest(environments = "apitest", transactional = false)
@Property(name = "fa.coalitions.round-interval", value = "200ms")
class CoalitionScheduleTest {

  @Inject
  CoalitionRounds rounds;

  @Inject
  DevicePlacements placements;

  @Inject
  PopulationMirror mirror;

  @Test
  void scheduledRoundsPickUpNewFleetsAndChanges() throws Exception {
    placements.put("scheduled", "s1", 40.7128, -74.0060, List.of("camera"));
    placements.put("scheduled", "s2", 40.7129, -74.0061, List.of("lidar"));
    BeliefSet beliefs = BeliefFixtures.grid(1, 1);
    for (String device : List.of("s1", "s2")) {
      mirror.stored(List.of(new BeliefsStored("scheduled", device, 1, 0, beliefs,
          beliefs.agents().stream().map(AgentBeliefs::agentId).toList())));
    }
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    FleetCoalitions latest = awaitRound(r -> r.structure().agentCount() == 2);
    assertThat(latest.structure().coalitionCount()).isEqualTo(1);
    assertThat(latest.structure().coalitions().get(0).members()).hasSize(2);

    // A third device placed later joins at a following round.
    placements.put("scheduled", "s3", 40.7127, -74.0059, List.of("drone"));
    mirror.stored(List.of(new BeliefsStored("scheduled", "s3", 1, 0, beliefs,
        beliefs.agents().stream().map(AgentBeliefs::agentId).toList())));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    FleetCoalitions later = awaitRound(r -> r.structure().agentCount() == 3);
    assertThat(later.formedAt()).isAfter(latest.formedAt());
    assertThat(later.structure().totalValue()).isGreaterThan(0.0);
  }

  /** Waits (up to 60 s, however long rounds take on a loaded machine) for a round that satisfies {@code test}. */
  private FleetCoalitions awaitRound(java.util.function.Predicate<FleetCoalitions> test) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<FleetCoalitions> latest = rounds.latest("scheduled");
      if (latest.isPresent() && test.test(latest.get())) {
        return latest.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no scheduled round of fleet 'scheduled' matched within 60 s; latest: "
        + rounds.latest("scheduled"));
  }
}
