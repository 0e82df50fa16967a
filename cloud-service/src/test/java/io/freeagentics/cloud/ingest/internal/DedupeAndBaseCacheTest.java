package io.freeagentics.cloud.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupeAndBaseCacheTest {

  @Test
  void theWindowRemembersTheLastSequencesOfEachDevice() {
    DedupeWindow window = new DedupeWindow(4, 100);
    for (long s = 0; s < 6; s++) {
      window.add(new MessageKey("f", "d", s));
    }
    assertThat(window.contains(new MessageKey("f", "d", 1))).isFalse();
    assertThat(window.contains(new MessageKey("f", "d", 2))).isTrue();
    assertThat(window.contains(new MessageKey("f", "d", 5))).isTrue();
    assertThat(window.contains(new MessageKey("f", "other", 5))).isFalse();
  }

  @Test
  void theBaseCacheKeepsTheLastStatesPerDevice() {
    BaseCache cache = new BaseCache(2, 1 << 20);
    cache.put(new MessageKey("f", "d", 1), new byte[] {1});
    cache.put(new MessageKey("f", "d", 2), new byte[] {2});
    cache.put(new MessageKey("f", "d", 3), new byte[] {3});
    assertThat(cache.get(new MessageKey("f", "d", 1))).isNull();
    assertThat(cache.get(new MessageKey("f", "d", 2))).containsExactly(2);
    assertThat(cache.get(new MessageKey("f", "d", 3))).containsExactly(3);
    assertThat(cache.get(new MessageKey("f", "e", 3))).isNull();
  }
}
