package io.freeagentics.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Deltas rebuild the snapshot within their threshold, and the encoder sends the smaller frame. */
class BeliefSyncPropertyTest {
  private static final MessageHeader HEADER = new MessageHeader("edge-1", 42, 1_700_000_000_000L);

  record Case(BeliefSet base, BeliefSet current, int threshold) {}

  @Provide
  Arbitrary<Case> cases() {
    return WireArbitraries.shapes().flatMap(shape -> Combinators.combine(WireArbitraries.beliefSets(shape),
        WireArbitraries.beliefSets(shape), Arbitraries.integers().between(0, BeliefSync.MAX_THRESHOLD_CODES))
        .as((base, later, t) -> new Case(base, WireArbitraries.union(base, later), t)));
  }

  @Property(tries = 300)
  void applyingADeltaKeepsEveryCodeWithinTheThresholdOfTheSnapshot(@ForAll("cases") Case c) throws Exception {
    List<AgentBeliefChange> changes = BeliefSync.changes(c.base(), c.current(), c.threshold()).orElseThrow();
    BeliefDelta delta = new BeliefDelta(HEADER, 7, c.current().numStates(), changes);
    BeliefDelta received = (BeliefDelta) WireCodec.decode(WireCodec.encode(delta));
    BeliefSet rebuilt = received.applyTo(7, c.base());

    assertThat(rebuilt.agents()).extracting(AgentBeliefs::agentId)
        .containsExactlyElementsOf(c.current().agents().stream().map(AgentBeliefs::agentId).toList());
    for (AgentBeliefs target : c.current().agents()) {
      AgentBeliefs got = rebuilt.agent(target.agentId());
      for (int f = 0; f < target.factors().size(); f++) {
        BeliefCodes want = target.factors().get(f);
        BeliefCodes have = got.factors().get(f);
        for (int i = 0; i < want.size(); i++) {
          assertThat(Math.abs(have.code(i) - want.code(i))).isLessThanOrEqualTo(c.threshold());
          if (want.code(i) == 0) {
            assertThat(have.code(i)).isZero();
          }
        }
      }
    }
  }

  @Property(tries = 200)
  void aZeroThresholdDeltaReproducesTheSnapshotExactly(@ForAll("cases") Case c) throws Exception {
    List<AgentBeliefChange> changes = BeliefSync.changes(c.base(), c.current(), 0).orElseThrow();
    BeliefSet rebuilt = new BeliefDelta(HEADER, 3, c.current().numStates(), changes).applyTo(3, c.base());
    for (AgentBeliefs target : c.current().agents()) {
      AgentBeliefs got = rebuilt.agent(target.agentId());
      assertThat(got.factors()).isEqualTo(target.factors());
      boolean changed = changes.stream().anyMatch(ch -> ch.agentId() == target.agentId());
      assertThat(got.tick()).isEqualTo(changed ? target.tick() : c.base().agent(target.agentId()).tick());
    }
  }

  @Property(tries = 200)
  void theEncoderSendsTheSmallerFrameAndItDecodesToWhatWasChosen(@ForAll("cases") Case c) throws Exception {
    EncodedBeliefs chosen = BeliefSync.encode(HEADER, c.current(),
        Optional.of(new AcknowledgedBeliefs(5, c.base())), c.threshold());
    int snapshotSize = WireCodec.encode(new BeliefSnapshot(HEADER, c.current())).length;
    int deltaSize = WireCodec.encode(new BeliefDelta(HEADER, 5, c.current().numStates(),
        BeliefSync.changes(c.base(), c.current(), c.threshold()).orElseThrow())).length;

    assertThat(chosen.size()).isEqualTo(Math.min(snapshotSize, deltaSize));
    assertThat(chosen.isDelta()).isEqualTo(deltaSize < snapshotSize);
    assertThat(WireCodec.decode(chosen.frame())).isEqualTo(chosen.message());
  }

  @Property(tries = 100)
  void withoutABaseOrWhenAgentsLeaveTheEncoderSendsASnapshot(@ForAll("cases") Case c) {
    EncodedBeliefs first = BeliefSync.encode(HEADER, c.current(), Optional.empty(), c.threshold());
    assertThat(first.isDelta()).isFalse();
    assertThat(first.message()).isEqualTo(new BeliefSnapshot(HEADER, c.current()));
    if (!c.current().agents().isEmpty()) {
      BeliefSet fewer = new BeliefSet(c.current().numStates(),
          c.current().agents().subList(1, c.current().agents().size()));
      assertThat(BeliefSync.changes(c.current(), fewer, c.threshold())).isEmpty();
    }
  }

  @Property(tries = 100)
  void aDeltaRefusesAnotherBase(@ForAll("cases") Case c) {
    BeliefDelta delta = new BeliefDelta(HEADER, 9, c.current().numStates(),
        BeliefSync.changes(c.base(), c.current(), c.threshold()).orElseThrow());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> delta.applyTo(8, c.base()))
        .isInstanceOf(BeliefDeltaException.class).hasMessageContaining("relative to sequence 9");
  }
}
