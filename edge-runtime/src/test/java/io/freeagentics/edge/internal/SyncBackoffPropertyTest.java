package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SyncBackoffPropertyTest {

  @Property
  void everyDelayLiesBetweenHalfItsCeilingAndTheCeilingWhichNeverExceedsTheMaximum(
      @ForAll @LongRange(min = 2, max = 10_000) long initial, @ForAll @LongRange(min = 0, max = 1_000_000) long extra,
      @ForAll @IntRange(min = 0, max = 200) int failures, @ForAll long seed) {
    SyncBackoff backoff = new SyncBackoff(initial, initial + extra, new SplittableRandom(seed));
    long ceiling = backoff.ceilingMillis(failures);
    long delay = backoff.delayMillis(failures);
    assertThat(ceiling).isBetween(initial, initial + extra);
    assertThat(delay).isBetween(ceiling / 2, ceiling);
    assertThat(delay).isBetween(initial / 2, initial + extra);
  }

  @Property
  void theCeilingDoublesUntilItReachesTheMaximum(@ForAll @LongRange(min = 2, max = 10_000) long initial,
      @ForAll @LongRange(min = 0, max = 1_000_000) long extra, @ForAll @IntRange(min = 0, max = 100) int failures) {
    SyncBackoff backoff = new SyncBackoff(initial, initial + extra, new SplittableRandom(1));
    long now = backoff.ceilingMillis(failures);
    long next = backoff.ceilingMillis(failures + 1);
    assertThat(next).isEqualTo(Math.min(initial + extra, 2 * now));
  }

  @Test
  void jitterSpreadsTheDelays() {
    SyncBackoff backoff = new SyncBackoff(1000, 60_000, new SplittableRandom(7));
    long[] delays = new long[64];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = backoff.delayMillis(3);
    }
    assertThat(java.util.Arrays.stream(delays).distinct().count()).isGreaterThan(32);
    assertThat(backoff.ceilingMillis(0)).isEqualTo(1000);
    assertThat(backoff.ceilingMillis(3)).isEqualTo(8000);
    assertThat(backoff.ceilingMillis(1000)).isEqualTo(60_000);
  }

  @Test
  void badBoundsAreRefusedWithTheValues() {
    assertThatThrownBy(() -> new SyncBackoff(1, 10, new SplittableRandom(1))).hasMessageContaining("was 1");
    assertThatThrownBy(() -> new SyncBackoff(100, 10, new SplittableRandom(1))).hasMessageContaining("was 10");
    assertThatThrownBy(() -> new SyncBackoff(100, 1000, new SplittableRandom(1)).delayMillis(-1))
        .hasMessageContaining("was -1");
  }
}
