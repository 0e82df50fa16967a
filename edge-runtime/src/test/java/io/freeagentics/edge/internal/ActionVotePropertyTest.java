package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ActionVotePropertyTest {

  /** The winner has the most votes, and no lower action has as many (ties go to the lowest index). */
  @Property
  void theWinnerIsTheLowestMostChosenAction(@ForAll @Size(min = 1, max = 40) List<@IntRange(max = 4) Integer> pump,
      @ForAll @IntRange(min = 0, max = 1000) int salt) {
    int actions = 5;
    ActionVote vote = new ActionVote(new int[] {actions, 1});
    int[] counts = new int[actions];
    for (int chosen : pump) {
      vote.cast(new int[] {chosen, 0});
      counts[chosen]++;
    }
    int winner = vote.winner(0);
    assertThat(vote.voters()).isEqualTo(pump.size());
    for (int u = 0; u < actions; u++) {
      assertThat(counts[winner]).isGreaterThanOrEqualTo(counts[u]);
      if (u < winner) {
        assertThat(counts[u]).isLessThan(counts[winner]);
      }
    }
    assertThat(vote.winner(1)).isZero();
    vote.clear();
    assertThat(vote.voters()).isZero();
    vote.cast(new int[] {salt % actions, 0});
    assertThat(vote.winner(0)).isEqualTo(salt % actions);
  }

  @Test
  void actionsOutsideTheirFactorAreRejectedWithoutCountingAnything() {
    ActionVote vote = new ActionVote(new int[] {2, 3});
    assertThatThrownBy(() -> vote.cast(new int[] {1, 3})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action[1] must be in 0..2 but was 3");
    assertThatThrownBy(() -> vote.cast(new int[] {1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action must have at least 2 factors but has 1");
    assertThat(vote.voters()).isZero();
    assertThatThrownBy(() -> new ActionVote(new int[] {2, 0})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actionsPerFactor[1] must be at least 1 but was 0");
  }
}
