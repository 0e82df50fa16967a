package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MergeHeapTest {
  record Entry(double gain, int a, int b) {}

  @Property
  void popsByGainThenSmallerPair(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 20) Integer> gains,
      @ForAll boolean heapify) {
    MergeHeap heap = new MergeHeap(1);
    List<Entry> expected = new ArrayList<>();
    for (int i = 0; i < gains.size(); i++) {
      int x = i % 7;
      int y = 100 + i;
      if (heapify) {
        heap.append(gains.get(i), y, x, 1, 2);
      } else {
        heap.push(gains.get(i), y, x, 1, 2);
      }
      expected.add(new Entry(gains.get(i), x, y));
    }
    if (heapify) {
      heap.heapify();
    }
    expected.sort(Comparator.comparingDouble(Entry::gain).reversed().thenComparingInt(Entry::a)
        .thenComparingInt(Entry::b));
    for (Entry e : expected) {
      assertThat(heap.pop()).isTrue();
      assertThat(new Entry(heap.topGain, heap.topA, heap.topB)).isEqualTo(e);
      // append(…, y, x, 1, 2) stores the smaller slot first with its own version.
      assertThat(heap.topVersionA).isEqualTo(2);
      assertThat(heap.topVersionB).isEqualTo(1);
    }
    assertThat(heap.pop()).isFalse();
  }

  @Test
  void clearEmpties() {
    MergeHeap heap = new MergeHeap(4);
    heap.push(1, 0, 1, 0, 0);
    heap.clear();
    assertThat(heap.size()).isZero();
    assertThat(heap.pop()).isFalse();
  }
}
