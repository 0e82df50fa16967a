package io.freeagentics.coalitions;

import java.util.Arrays;

/**
 * One coalition of a {@link CoalitionStructure}: its id (the smallest member id, so it is stable while that agent
 * stays in it), its members (ascending ids), its value v(C) (0 for a singleton, &gt; 0 otherwise) and the distinct
 * H3 cells its members report (ascending). Accessors return copies.
 *
 * @param id the smallest member id
 * @param members the member agent ids, ascending
 * @param value v(C)
 * @param cells the distinct cells of the members, ascending
 */
public record Coalition(long id, long[] members, double value, long[] cells) {
  public Coalition {
    members = members.clone();
    cells = cells.clone();
  }

  @Override
  public long[] members() {
    return members.clone();
  }

  @Override
  public long[] cells() {
    return cells.clone();
  }

  public int size() {
    return members.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coalition c && c.id == id && Double.compare(c.value, value) == 0
        && Arrays.equals(c.members, members) && Arrays.equals(c.cells, cells);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id) * 31 + Arrays.hashCode(members);
  }

  @Override
  public String toString() {
    return "Coalition[id=" + id + ", members=" + Arrays.toString(members) + ", value=" + value + ", cells="
        + cells.length + "]";
  }
}
