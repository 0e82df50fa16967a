package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LongIntHashMapTest {
  /** Random puts and removes on a small key range (many collisions and backward shifts) agree with HashMap. */
  @Property
  void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@LongRange(min = -40, max = 40) Long> keys,
      @ForAll @Size(max = 400) List<@IntRange(min = -1, max = 1000) Integer> values) {
    LongIntHashMap map = new LongIntHashMap(2);
    Map<Long, Integer> reference = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      long key = keys.get(i) * 0x100000001L;
      int value = values.get(i);
      if (value < 0) {
        Integer old = reference.remove(key);
        assertThat(map.remove(key)).isEqualTo(old == null ? -1 : old);
      } else {
        Integer old = reference.put(key, value);
        assertThat(map.put(key, value)).isEqualTo(old == null ? -1 : old);
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    for (long k = -40; k <= 40; k++) {
      long key = k * 0x100000001L;
      assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, -1));
    }
  }
}
