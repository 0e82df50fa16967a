package io.freeagentics.cloud.beliefs;

import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source of truth of the cache tests: belief rows in memory with the semantics of {@link JdbcBeliefQueries}
 * (latest = highest tick, then sequence, per agent; history by tick then sequence), counting its reads.
 */
final class InMemoryBeliefQueries implements BeliefQueries {
  private final List<AgentBeliefView> rows = new CopyOnWriteArrayList<>();
  final AtomicInteger latestReads = new AtomicInteger();
  final AtomicInteger agentReads = new AtomicInteger();
  final AtomicInteger historyReads = new AtomicInteger();

  /**
   * Stores one message of a device: each agent at its tick, with distributions that differ per sequence, and
   * returns what the ingest tells its listeners about it.
   */
  BeliefsStored store(String fleet, String device, long sequence, int agents, long tick) {
    List<AgentBeliefs> carried = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (int agent = 0; agent < agents; agent++) {
      double high = 0.5 + (sequence % 40) / 100.0;
      double[] p = {high, 1 - high};
      rows.add(new AgentBeliefView(fleet, device, agent, tick, sequence, 1_000 * sequence, 1_000 * sequence + 7,
          List.of(BeliefCodes.quantize(p).probabilities())));
      carried.add(new AgentBeliefs(agent, tick, List.of(BeliefCodes.quantize(p))));
      ids.add(agent);
    }
    return new BeliefsStored(fleet, device, sequence, 1_000 * sequence, new BeliefSet(List.of(2), carried), ids);
  }

  @Override
  public List<AgentBeliefView> latest(String fleet, String device) {
    latestReads.incrementAndGet();
    TreeMap<Integer, AgentBeliefView> byAgent = new TreeMap<>();
    for (AgentBeliefView row : rows) {
      if (row.fleet().equals(fleet) && row.device().equals(device)) {
        byAgent.merge(row.agent(), row, (x, y) -> ORDER.compare(x, y) >= 0 ? x : y);
      }
    }
    return List.copyOf(byAgent.values());
  }

  @Override
  public Optional<AgentBeliefView> latest(String fleet, String device, int agent) {
    agentReads.incrementAndGet();
    return rows.stream().filter(row -> row.fleet().equals(fleet) && row.device().equals(device)
        && row.agent() == agent).max(ORDER);
  }

  @Override
  public List<AgentBeliefView> history(String fleet, String device, int agent, long fromTick, long toTick,
      int limit) {
    historyReads.incrementAndGet();
    return rows.stream().filter(row -> row.fleet().equals(fleet) && row.device().equals(device)
        && row.agent() == agent && row.tick() >= fromTick && row.tick() <= toTick).sorted(ORDER).limit(limit)
        .toList();
  }

  private static final Comparator<AgentBeliefView> ORDER = Comparator.comparingLong(AgentBeliefView::tick)
      .thenComparingLong(AgentBeliefView::sequence);
}
