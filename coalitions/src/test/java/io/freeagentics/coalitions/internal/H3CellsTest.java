package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class H3CellsTest {
  @Property
  void parentMatchesH3(@ForAll @DoubleRange(min = -80, max = 80) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lng, @ForAll @IntRange(min = 0, max = 15) int fine,
      @ForAll @IntRange(min = 0, max = 15) int coarse) {
    int res = Math.max(fine, coarse);
    int parentRes = Math.min(fine, coarse);
    long cell = H3Cells.h3().latLngToCell(lat, lng, res);
    assertThat(H3Cells.resolution(cell)).isEqualTo(res);
    assertThat(H3Cells.parent(cell, parentRes)).isEqualTo(H3Cells.h3().cellToParent(cell, parentRes));
  }

  @Test
  void diskHoldsEveryCellWithinKRingsAndItsDistance() {
    long centre = H3Cells.h3().latLngToCell(52.52, 13.405, 9);
    H3Cells.Disk disk = H3Cells.disk(centre, 3);
    assertThat(disk.cells()).hasSize(37);
    Set<Long> cells = new TreeSet<>();
    for (int i = 0; i < disk.cells().length; i++) {
      cells.add(disk.cells()[i]);
      assertThat(H3Cells.h3().gridDistance(centre, disk.cells()[i])).isEqualTo(disk.distances()[i]);
    }
    assertThat(cells).containsExactlyInAnyOrderElementsOf(H3Cells.h3().gridDisk(centre, 3));
  }
}
