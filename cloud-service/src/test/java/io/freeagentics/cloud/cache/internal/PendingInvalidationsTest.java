package io.freeagentics.cloud.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingInvalidationsTest {

  @Test
  void keepsDistinctKeysInOrderUntilDrained() {
    PendingInvalidations pending = new PendingInvalidations(3);
    pending.add("a");
    pending.add("b");
    pending.add("a");
    assertThat(pending.size()).isEqualTo(2);
    PendingInvalidations.Drained drained = pending.drain();
    assertThat(drained.all()).isFalse();
    assertThat(drained.keys()).containsExactly("a", "b");
    assertThat(pending.drain().isEmpty()).isTrue();
  }

  @Test
  void overflowTurnsIntoInvalidateAll() {
    PendingInvalidations pending = new PendingInvalidations(2);
    pending.add("a");
    pending.add("b");
    pending.add("c");
    assertThat(pending.size()).isEqualTo(-1);
    PendingInvalidations.Drained drained = pending.drain();
    assertThat(drained.all()).isTrue();
    assertThat(drained.keys()).isEmpty();
  }

  @Test
  void restorePutsBackAFailedReplay() {
    PendingInvalidations pending = new PendingInvalidations(5);
    pending.add("a");
    PendingInvalidations.Drained drained = pending.drain();
    pending.add("b");
    pending.restore(drained);
    assertThat(pending.drain().keys()).containsExactly("b", "a");
  }
}
