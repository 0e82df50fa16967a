package io.freeagentics.coalitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import io.freeagentics.coalitions.internal.FormationEngine;

/**
 * An immutable snapshot of a coalition structure: a partition of all agents of a formation into coalitions
 * (singletons included), ordered by coalition id. Its value is the sum of the coalitions' values; every agent is in
 * exactly one coalition, and no coalition's value is negative (docs/coalitions.md, "Invariants").
 *
 * <p>Holds a copy of the engine's primitive arrays (about 40 bytes per agent); the grouping into {@link Coalition}s
 * is done on first request. Safe to share between threads.
 */
public final class CoalitionStructure {
  private final FormationEngine.Snapshot snapshot;
  private final RoundStats round;
  private final double totalValue;
  private final int multiMember;
  private final int coalitionTotal;
  private volatile Grouped grouped;

  /** The grouped form, built on first use. */
  private record Grouped(int[] offsets, long[] members, long[] memberCells, double[] values, long[] sortedMembers,
      int[] coalitionOfSorted) {}

  CoalitionStructure(FormationEngine.Snapshot snapshot, RoundStats round) {
    this.snapshot = snapshot;
    this.round = round;
    FormationEngine.Totals totals = snapshot.totals();
    this.totalValue = totals.totalValue();
    this.multiMember = totals.multiMember();
    this.coalitionTotal = totals.coalitions();
  }

  /** Agents in the structure. */
  public int agentCount() {
    return snapshot.agents();
  }

  /** Coalitions of at least two agents. */
  public int coalitionCount() {
    return multiMember;
  }

  /** Agents alone in their coalition. */
  public int singletonCount() {
    return coalitionTotal - multiMember;
  }

  /** The sum of the coalitions' values (singletons count 0). */
  public double totalValue() {
    return totalValue;
  }

  /** The round that produced this structure. */
  public RoundStats round() {
    return round;
  }

  /** The coalitions of at least two agents, ordered by id. */
  public List<Coalition> coalitions() {
    Grouped g = grouped();
    List<Coalition> out = new ArrayList<>(multiMember);
    for (int c = 0; c < g.values.length; c++) {
      if (g.offsets[c + 1] - g.offsets[c] > 1) {
        out.add(coalition(g, c));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Every coalition, singletons included, ordered by id: a partition of the agents. */
  public List<Coalition> allCoalitions() {
    Grouped g = grouped();
    List<Coalition> out = new ArrayList<>(g.values.length);
    for (int c = 0; c < g.values.length; c++) {
      out.add(coalition(g, c));
    }
    return Collections.unmodifiableList(out);
  }

  /** The coalition of an agent (a singleton when it is alone), or empty when the agent is not in the structure. */
  public Optional<Coalition> coalitionOf(long agentId) {
    Grouped g = grouped();
    int i = Arrays.binarySearch(g.sortedMembers, agentId);
    return i < 0 ? Optional.empty() : Optional.of(coalition(g, g.coalitionOfSorted[i]));
  }

  private Grouped grouped() {
    Grouped g = grouped;
    if (g == null) {
      synchronized (this) {
        g = grouped;
        if (g == null) {
          g = group(snapshot.partition());
          grouped = g;
        }
      }
    }
    return g;
  }

  private static Grouped group(FormationEngine.Partition p) {
    int[] offsets = p.offsets();
    long[] members = p.members();
    int n = members.length;
    int[] coalitionOfMember = new int[n];
    for (int c = 0; c + 1 < offsets.length; c++) {
      for (int m = offsets[c]; m < offsets[c + 1]; m++) {
        coalitionOfMember[m] = c;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Long.compare(members[x], members[y]));
    long[] keys = new long[n];
    int[] of = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = members[order[i]];
      of[i] = coalitionOfMember[order[i]];
    }
    return new Grouped(offsets, members, p.memberCells(), p.values(), keys, of);
  }

  private static Coalition coalition(Grouped g, int c) {
    long[] ids = Arrays.copyOfRange(g.members, g.offsets[c], g.offsets[c + 1]);
    long[] cells = Arrays.copyOfRange(g.memberCells, g.offsets[c], g.offsets[c + 1]);
    Arrays.sort(cells);
    int distinct = 0;
    for (int i = 0; i < cells.length; i++) {
      if (i == 0 || cells[i] != cells[i - 1]) {
        cells[distinct++] = cells[i];
      }
    }
    return new Coalition(ids[0], ids, g.values[c], Arrays.copyOf(cells, distinct));
  }

  @Override
  public String toString() {
    return "CoalitionStructure[agents=" + agentCount() + ", coalitions=" + multiMember + ", singletons="
        + singletonCount() + ", value=" + totalValue + "]";
  }
}
