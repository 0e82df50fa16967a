package io.freeagentics.coalitions.internal;

import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.ValueFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The coalition-formation engine behind {@code CoalitionFormation}: agents in slots, the H3 spatial index, the
 * sparse pair graph within k rings, and greedy agglomeration with a max-heap of merge candidates.
 *
 * <p>Coalitions are identified by a representative slot; members form a linked list. Each live coalition keeps its
 * best partner (largest positive gain, ties to the smaller slot) and that candidate sits in the heap; an entry
 * carries the versions of both coalitions and is dropped when popped after either changed (lazy invalidation).
 * Popping the largest valid entry and merging repeats until the heap is empty: then no two adjacent coalitions
 * have a positive gain. The gain of merging A and B is W(A, B) - (pen(|A|+|B|) - pen(|A|) - pen(|B|)), W(A, B)
 * being the sum of pair weights between them, so every coalition's value is the sum of the positive gains that
 * built it: never negative. Single-agent moves then fix what merging cannot undo (an agent moves to a neighbouring
 * coalition, or to be alone, when that raises the total and leaves both sides worth more than 0), alternating
 * with merging for at most {@value #IMPROVE_PASSES} passes.
 *
 * <p>An incremental round ({@link #repair}) takes the changed agents out of their coalitions, edits the pair graph
 * around the changed agents, dissolves for each changed agent the adjacent coalition it would gain most by joining,
 * and re-runs the same loop seeded with the changed agents, the rests of the coalitions they left and the freed
 * agents. Not thread-safe.
 */
public final class FormationEngine {
  /** Full formations of at least this many agents build the pair graph on all cores. */
  private static final int PARALLEL_THRESHOLD = 2_000;
  /** Rounds of single-agent moves and re-merging after the merging of a round. */
  private static final int IMPROVE_PASSES = 2;
  private static final boolean TRACE = Boolean.getBoolean("fa.coalitions.trace");

  private final int resolution;
  private final int k;
  private final ValueFunction function;

  private AgentTable table;
  private SpatialIndex index;
  private AgentGraph graph;
  private PairKernel kernel;
  private int outcomes = -1;

  private int[] coalOf;
  private int[] next;
  private int[] head;
  private int[] tail;
  private int[] size;
  private int[] version;
  private int[] bestPartner;
  private double[] value;
  private double[] bestGain;

  /**
   * Scratch sums with their stamps, interleaved so that the hot loops touch one cache line per entry: the sum of
   * entry x at {@code 2x}, the stamp that makes it valid at {@code 2x + 1} (an int, exact in a double).
   */
  private double[] accMark;
  private int stamp;
  private int[] touched;
  private int[] recompute;
  private int[] done;
  private int[] seeds = new int[64];
  private int seedCount;
  private double[] penalty = new double[0];
  private MergeHeap heap;

  private final TreeMap<Long, Agent> pendingPuts = new TreeMap<>();
  private final TreeMap<Long, Boolean> pendingRemovals = new TreeMap<>();

  private Round lastRound;

  /** What a round did. */
  public record Round(boolean incremental, int agents, int changedAgents, int freedAgents, int merges,
      long nanos) {}

  public FormationEngine(CoalitionConfig config, ValueFunction function) {
    this.resolution = config.resolution();
    this.k = config.k();
    this.function = function;
    double single = function.sizePenalty(1);
    if (single != 0) {
      throw new IllegalArgumentException("value function " + function.getClass().getName()
          + ": sizePenalty(1) = " + single + " (must be 0: a singleton is worth 0)");
    }
    reset(16);
  }

  /**
   * Empties the engine for {@code capacity} agents. The large working arrays (pair-graph arena, coalition state,
   * merge heap) of a previous formation are kept when they are large enough: a rebuild then allocates tens of MB
   * less, which the collector would otherwise have to find room for (G1 humongous allocations) and reclaim. Nothing
   * reads them before writing: lists are laid out again, every slot is made a singleton, the scratch marks are
   * valid only under stamps and sessions that keep counting up, and the move queue is left empty by every round.
   */
  private void reset(int capacity) {
    table = new AgentTable(capacity);
    index = new SpatialIndex(k, Math.max(16, capacity / 2));
    if (graph == null) {
      graph = new AgentGraph(table.capacity());
      heap = new MergeHeap(capacity);
    } else {
      graph.ensureCapacity(table.capacity());
      heap.clear();
    }
    kernel = PairKernel.of(function, table);
    if (coalOf == null || coalOf.length < table.capacity()) {
      allocateCoalitionArrays(table.capacity());
    }
    outcomes = -1;
  }

  private void allocateCoalitionArrays(int c) {
    coalOf = new int[c];
    next = new int[c];
    head = new int[c];
    tail = new int[c];
    size = new int[c];
    version = new int[c];
    bestPartner = new int[c];
    value = new double[c];
    bestGain = new double[c];
    accMark = new double[2 * c];
    touched = new int[c];
    recompute = new int[c];
    done = new int[c];
  }

  private void ensureCoalitionCapacity() {
    int c = table.capacity();
    if (coalOf.length < c) {
      coalOf = Arrays.copyOf(coalOf, c);
      next = Arrays.copyOf(next, c);
      head = Arrays.copyOf(head, c);
      tail = Arrays.copyOf(tail, c);
      size = Arrays.copyOf(size, c);
      version = Arrays.copyOf(version, c);
      bestPartner = Arrays.copyOf(bestPartner, c);
      value = Arrays.copyOf(value, c);
      bestGain = Arrays.copyOf(bestGain, c);
      accMark = Arrays.copyOf(accMark, 2 * c);
      touched = Arrays.copyOf(touched, c);
      recompute = Arrays.copyOf(recompute, c);
      done = Arrays.copyOf(done, c);
    }
    graph.ensureCapacity(c);
  }

  // ---------------------------------------------------------------- validation

  /**
   * The agent's cell at the formation's resolution; rejects an invalid or too coarse cell and a distribution of
   * the wrong length, naming the agent.
   */
  private long indexedCell(Agent a) {
    long cell = a.cell();
    if (!H3Cells.h3().isValidCell(cell)) {
      throw new IllegalArgumentException("agent " + a.id() + ": cell 0x" + Long.toHexString(cell)
          + " is not a valid H3 cell");
    }
    int r = H3Cells.resolution(cell);
    if (r < resolution) {
      throw new IllegalArgumentException("agent " + a.id() + ": cell 0x" + Long.toHexString(cell)
          + " has resolution " + r + ", coarser than the formation's resolution " + resolution);
    }
    return H3Cells.parent(cell, resolution);
  }

  private void checkOutcomes(Agent a, int expected) {
    if (expected >= 0 && a.outcomes() != expected) {
      throw new IllegalArgumentException("agent " + a.id() + ": preferredOutcome has " + a.outcomes()
          + " outcomes but the other agents have " + expected);
    }
  }

  // ---------------------------------------------------------------- full formation

  /** Replaces every agent by {@code agents} and forms coalitions from scratch. */
  public Round form(Collection<Agent> agents) {
    long start = System.nanoTime();
    Agent[] sorted = agents.toArray(new Agent[0]);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] == null) {
        throw new IllegalArgumentException("agents contains null at position " + i);
      }
    }
    Arrays.sort(sorted, Comparator.comparingLong(Agent::id));
    int expected = sorted.length == 0 ? -1 : sorted[0].outcomes();
    long[] cells = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i].id() == sorted[i - 1].id()) {
        throw new IllegalArgumentException("agent id " + sorted[i].id() + " appears more than once");
      }
      checkOutcomes(sorted[i], expected);
      cells[i] = indexedCell(sorted[i]);
    }
    long tValidated = System.nanoTime();
    pendingPuts.clear();
    pendingRemovals.clear();
    reset(sorted.length);
    outcomes = expected;
    // Slots in H3 order (cells sorted, ids ascending within a cell): neighbours get nearby slots, so the pair graph
    // and the merging walk memory mostly in order.
    int[] order = spatialOrder(cells);
    for (int i : order) {
      int s = table.allocate(sorted[i].id());
      table.set(s, sorted[i], cells[i]);
      table.bucket[s] = index.add(s, cells[i]);
    }
    boolean parallel = sorted.length >= PARALLEL_THRESHOLD;
    long tIndexed = System.nanoTime();
    index.computeDisks(parallel);
    long tDisks = System.nanoTime();
    layoutGraph();
    IntStream buckets = IntStream.range(0, index.bucketCount());
    (parallel ? buckets.parallel() : buckets).forEach(this::buildForwardEdges);
    mirrorForwardEdges();
    long tGraph = System.nanoTime();
    int n = table.slots;
    for (int s = 0; s < n; s++) {
      makeSingleton(s);
    }
    heap.clear();
    startMergeSession();
    double pairPenalty = penaltyDelta(1, 1);
    for (int s = 0; s < n; s++) {
      singletonBest(s, pairPenalty);
    }
    heap.heapify();
    long tHeap = System.nanoTime();
    int merges = agglomerate();
    long tMerged = System.nanoTime();
    for (int q = 0; q < n; q++) {
      enqueue(q);
    }
    int moves = improve(IMPROVE_PASSES);
    if (TRACE) {
      System.err.printf("trace: validate %.1f index %.1f disks %.1f graph %.1f heap %.1f merge %.1f improve %.1f ms"
          + " (%d moves)%n", (tValidated - start) / 1e6, (tIndexed - tValidated) / 1e6, (tDisks - tIndexed) / 1e6,
          (tGraph - tDisks) / 1e6, (tHeap - tGraph) / 1e6, (tMerged - tHeap) / 1e6,
          (System.nanoTime() - tMerged) / 1e6, moves);
      long pairs = 0;
      for (int q = 0; q < n; q++) {
        pairs += graph.sd[2 * q + 1];
      }
      System.err.printf("trace: %d cells, %d pair edges, merges %d pops %d recomputes %d edges visited %d%n",
          index.bucketCount(), pairs / 2, merges, tracePops, traceRecomputes, traceEdges);
      tracePops = traceRecomputes = traceEdges = 0;
    }
    lastRound = new Round(false, table.live, sorted.length, sorted.length, merges, System.nanoTime() - start);
    return lastRound;
  }

  /** Positions of {@code cells} sorted by cell, stably (a counting sort over the distinct cells). */
  private static int[] spatialOrder(long[] cells) {
    int n = cells.length;
    long[] distinct = cells.clone();
    Arrays.sort(distinct);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[unique++] = distinct[i];
      }
    }
    LongIntHashMap rank = new LongIntHashMap(unique);
    for (int r = 0; r < unique; r++) {
      rank.put(distinct[r], r);
    }
    int[] start = new int[unique + 1];
    int[] rankOf = new int[n];
    for (int i = 0; i < n; i++) {
      rankOf[i] = rank.get(cells[i]);
      start[rankOf[i] + 1]++;
    }
    for (int r = 0; r < unique; r++) {
      start[r + 1] += start[r];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[rankOf[i]]++] = i;
    }
    return order;
  }

  /**
   * For every agent of one bucket, the edges to the agents within k rings with a larger slot (each pair is
   * evaluated once), written into the list {@link #layoutGraph} reserved for all candidates, so
   * {@link #mirrorForwardEdges} can append the reverse edges in place. Reads shared state only and writes only the
   * lists of this bucket's agents: runs in parallel.
   */
  private void buildForwardEdges(int b) {
    long[] disk = index.diskCells(b);
    byte[] dist = index.diskDistances(b);
    int[] nb = new int[disk.length];
    int[] nd = new int[disk.length];
    int nbCount = 0;
    for (int c = 0; c < disk.length; c++) {
      int other = index.bucketOf(disk[c]);
      if (other >= 0 && index.count(other) > 0) {
        nb[nbCount] = other;
        nd[nbCount] = dist[c];
        nbCount++;
      }
    }
    int[] members = index.members(b);
    int[] ns = graph.nbr;
    double[] ws = graph.w;
    for (int m = 0, count = index.count(b); m < count; m++) {
      int i = members[m];
      int at = graph.sd[2 * i];
      for (int q = 0; q < nbCount; q++) {
        int[] others = index.members(nb[q]);
        int d = nd[q];
        for (int o = 0, oc = index.count(nb[q]); o < oc; o++) {
          int j = others[o];
          if (j > i) {
            double w = kernel.weight(i, j, d);
            if (w != 0) {
              ns[at] = j;
              ws[at] = w;
              at++;
            }
          }
        }
      }
      graph.sd[2 * i + 1] = at - graph.sd[2 * i];
    }
  }

  /**
   * Reserves every agent's list in the arena: room for all agents of its disk (its candidates), plus 1/8 slack for
   * agents that move in later.
   */
  private void layoutGraph() {
    int n = table.slots;
    int[] capacities = new int[n];
    for (int b = 0; b < index.bucketCount(); b++) {
      long[] disk = index.diskCells(b);
      int candidates = 0;
      for (long c : disk) {
        int other = index.bucketOf(c);
        if (other >= 0) {
          candidates += index.count(other);
        }
      }
      int room = Math.max(4, candidates - 1 + ((candidates - 1) >> 3));
      int[] members = index.members(b);
      for (int m = 0, count = index.count(b); m < count; m++) {
        capacities[members[m]] = room;
      }
    }
    graph.layout(capacities, n);
  }

  /** Appends to every agent's list the reverse of the forward edges pointing at it. */
  private void mirrorForwardEdges() {
    int n = table.slots;
    int[] forward = new int[n];
    for (int i = 0; i < n; i++) {
      forward[i] = graph.sd[2 * i + 1];
    }
    for (int i = 0; i < n; i++) {
      int base = graph.sd[2 * i];
      for (int e = base, end = base + forward[i]; e < end; e++) {
        graph.add(graph.nbr[e], i, graph.w[e]);
      }
    }
  }

  // ---------------------------------------------------------------- incremental

  /** Records an agent joining, moving or changing; applied by the next {@link #repair}. */
  public void put(Agent a) {
    if (a == null) {
      throw new IllegalArgumentException("agent is null");
    }
    indexedCell(a);
    checkOutcomes(a, outcomes >= 0 ? outcomes : pendingOutcomes());
    pendingRemovals.remove(a.id());
    pendingPuts.put(a.id(), a);
  }

  private int pendingOutcomes() {
    return pendingPuts.isEmpty() ? -1 : pendingPuts.firstEntry().getValue().outcomes();
  }

  /** Records an agent leaving; applied by the next {@link #repair}. */
  public void remove(long agentId) {
    boolean known = table.slotOfId.get(agentId) >= 0;
    boolean pendingNew = pendingPuts.remove(agentId) != null;
    if (!known && !pendingNew) {
      throw new IllegalArgumentException("agent id " + agentId + " is not part of this formation");
    }
    if (known) {
      pendingRemovals.put(agentId, Boolean.TRUE);
    }
  }

  public int pendingChanges() {
    return pendingPuts.size() + pendingRemovals.size();
  }

  /** The current agents with the pending changes applied, sorted by id. */
  public List<Agent> agentsWithPending() {
    TreeMap<Long, Agent> all = new TreeMap<>();
    for (int s = 0; s < table.slots; s++) {
      if (table.alive[s]) {
        all.put(table.id[s], table.agent[s]);
      }
    }
    for (Long id : pendingRemovals.keySet()) {
      all.remove(id);
    }
    all.putAll(pendingPuts);
    return new ArrayList<>(all.values());
  }

  /**
   * Applies the pending changes: takes every changed agent out of its coalition, updates the spatial index and the
   * pair graph around the changed agents, dissolves the neighbourhood of the changes ({@link #dissolveAround}), and
   * merges greedily again, seeded with the changed and freed agents.
   */
  public Round repair() {
    long start = System.nanoTime();
    long cpuStart = traceClock();
    int changed = pendingChanges();
    if (outcomes < 0) {
      outcomes = pendingOutcomes();
    }
    seedCount = 0;
    for (Map.Entry<Long, Boolean> e : pendingRemovals.entrySet()) {
      int s = table.slotOfId.get(e.getKey());
      extract(s);
      graph.isolate(s);
      graph.release(s);
      index.remove(s, table.bucket[s]);
      coalOf[s] = -1;
      table.release(s);
    }
    int[] edgeSlots = new int[pendingPuts.size()];
    int edgeCount = 0;
    for (Agent a : pendingPuts.values()) {
      long cell = H3Cells.parent(a.cell(), resolution);
      int s = table.slotOfId.get(a.id());
      if (s >= 0 && sameForTheEngine(s, a, cell)) {
        // Moved within its cell (at the index resolution) and otherwise unchanged: no pair weight changes, so
        // neither does any coalition's value; only the reported cell is updated.
        table.set(s, a, cell);
        unchangedPuts++;
        continue;
      }
      if (s >= 0) {
        extract(s);
        graph.isolate(s);
        if (cell != table.cell[s]) {
          index.remove(s, table.bucket[s]);
          table.bucket[s] = index.add(s, cell);
        }
        table.set(s, a, cell);
      } else {
        s = table.allocate(a.id());
        ensureCoalitionCapacity();
        table.set(s, a, cell);
        table.bucket[s] = index.add(s, cell);
        graph.allocate(s, 4);
        makeSingleton(s);
        addSeed(s);
      }
      edgeSlots[edgeCount++] = s;
    }
    long tChanged = traceClock();
    // New edges of the changed agents; a pair of two changed agents is added once (by the first of the two).
    int doneStamp = nextStamp();
    for (int e = 0; e < edgeCount; e++) {
      int s = edgeSlots[e];
      int b = table.bucket[s];
      index.ensureDisk(b);
      long[] disk = index.diskCells(b);
      byte[] dist = index.diskDistances(b);
      int[] diskBuckets = diskBucketScratch(disk.length);
      int candidates = 0;
      for (int c = 0; c < disk.length; c++) {
        int other = index.bucketOf(disk[c]);
        diskBuckets[c] = other;
        if (other >= 0) {
          candidates += index.count(other);
        }
      }
      // Room for every candidate at once (plus slack for agents moving in later), instead of outgrowing the list
      // edge by edge.
      graph.fit(s, candidates + (candidates >> 3));
      for (int c = 0; c < disk.length; c++) {
        int other = diskBuckets[c];
        if (other < 0) {
          continue;
        }
        int[] members = index.members(other);
        for (int o = 0, oc = index.count(other); o < oc; o++) {
          int j = members[o];
          if (j == s || done[j] == doneStamp) {
            continue;
          }
          double w = kernel.weight(s, j, dist[c]);
          if (w != 0) {
            graph.add(s, j, w);
            graph.add(j, s, w);
          }
        }
      }
      done[s] = doneStamp;
    }
    pendingPuts.clear();
    pendingRemovals.clear();
    dissolveAround(edgeSlots, edgeCount);

    // Only pairs involving a seeded coalition can have a positive gain now: every other pair is unchanged and had
    // none at the end of the previous round. Each seeded coalition's exact best partner goes into the heap.
    long tEdges = traceClock();
    heap.clear();
    startMergeSession();
    int seededStamp = nextStamp();
    int freedAgents = 0;
    for (int i = 0; i < seedCount; i++) {
      int x = seeds[i];
      if (table.alive[x] && coalOf[x] == x && done[x] != seededStamp) {
        done[x] = seededStamp;
        freedAgents += size[x];
        fullBest(x);
      }
    }
    long tSeeded = traceClock();
    int merges = agglomerate();
    long tMerged = traceClock();
    int seeded = seedCount;
    // Single-agent moves around the changes: the neighbours that the coalitions now holding a changed agent, or
    // those the changed agents left, could pull in. (Their own members were just merged greedily and rarely gain by
    // leaving; they are examined once their coalition changes again.)
    int aroundStamp = nextStamp();
    for (int e = 0; e < edgeCount; e++) {
      enqueueAround(coalOf[edgeSlots[e]], aroundStamp, false);
    }
    for (int i = 0; i < seeded; i++) {
      int x = seeds[i];
      if (table.alive[x] && coalOf[x] >= 0) {
        enqueueAround(coalOf[x], aroundStamp, false);
      }
    }
    int moves = improve(IMPROVE_PASSES);
    if (TRACE) {
      System.err.printf("trace: repair cpu: changes %.2f edges %.2f seeds %.2f merge %.2f improve %.2f ms, %d seeds,"
          + " %d merges, %d moves%n", (tChanged - cpuStart) / 1e6, (tEdges - tChanged) / 1e6,
          (tSeeded - tEdges) / 1e6, (tMerged - tSeeded) / 1e6, (traceClock() - tMerged) / 1e6, seeded, merges, moves);
      long[] arena = graph.takeCounters();
      System.err.printf("trace: repair evaluated %d agents for moves; pops %d recomputes %d edges visited %d;"
          + " pair lists moved %d, arena grown %d times, arena end %d of %d; %d puts left every weight as it was%n",
          traceEvaluations, tracePops, traceRecomputes, traceEdges, arena[0], arena[1], arena[2], arena[3],
          unchangedPuts);
      unchangedPuts = 0;
      traceEvaluations = 0;
      tracePops = traceRecomputes = traceEdges = 0;
    }
    lastRound = new Round(true, table.live, changed, freedAgents, merges, System.nanoTime() - start);
    return lastRound;
  }

  private int unchangedPuts;

  /**
   * Whether agent {@code a}, put for slot {@code s}, leaves every pair weight of s as it is: same cell at the index
   * resolution, same capabilities and the same distribution, and (for a custom value function, which sees the
   * agent's own cell) the same reported cell.
   */
  private boolean sameForTheEngine(int s, Agent a, long indexedCell) {
    if (indexedCell != table.cell[s] || a.capabilities() != table.caps[s]) {
      return false;
    }
    if (!(kernel instanceof PairKernel.Standard) && a.cell() != table.agentCell[s]) {
      return false;
    }
    int base = s * table.stride;
    for (int o = 0; o < table.stride; o++) {
      if (Double.doubleToLongBits(a.preferredOutcome(o)) != Double.doubleToLongBits(table.dist[base + o])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Opens up the neighbourhood of the changes before merging: for every changed agent, dissolves into singletons
   * (each seeded) the adjacent coalition it would gain most by joining (pair weights to it above its marginal size
   * penalty). Merging then regroups that region from scratch, as a rebuild would, instead of only attaching the
   * changed agents to coalitions formed for the old neighbourhood: under heavy churn the patched structure fell up
   * to 2.2% short of a rebuild, the regrouped one about 1% (docs/coalitions.md, "Incremental mode"). What is left of
   * a coalition a changed agent left stays together (seeded by {@link #extract}, so it can merge again or lose
   * members to single-agent moves): dissolving it as well cost 11% more CPU per round for no measurable gain in value.
   */
  private void dissolveAround(int[] changedSlots, int changedCount) {
    int st = nextStamp();
    for (int e = 0; e < changedCount; e++) {
      int s = changedSlots[e];
      int own = coalOf[s];
      int count = gatherAgent(s, nextStamp());
      int best = -1;
      double bestJoinGain = 0;
      for (int t = 0; t < count; t++) {
        int x = touched[t];
        double g = accMark[2 * x] - (penalty(size[x] + 1) - penalty(size[x]));
        if (x != own && (g > bestJoinGain || (g == bestJoinGain && best >= 0 && x < best))) {
          best = x;
          bestJoinGain = g;
        }
      }
      if (best >= 0) {
        dissolve(best, st);
      }
    }
  }

  /** Splits coalition {@code c} into singletons, each seeded, unless already done under stamp {@code st}. */
  private void dissolve(int c, int st) {
    if (size[c] == 1 || done[c] == st) {
      return;
    }
    for (int m = head[c]; m >= 0; ) {
      int following = next[m];
      makeSingleton(m);
      done[m] = st;
      addSeed(m);
      m = following;
    }
  }

  private int[] diskBuckets = new int[0];

  private int[] diskBucketScratch(int length) {
    if (diskBuckets.length < length) {
      diskBuckets = new int[length];
    }
    return diskBuckets;
  }

  private static long traceClock() {
    return TRACE ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0L;
  }

  private void addSeed(int x) {
    if (seedCount == seeds.length) {
      seeds = Arrays.copyOf(seeds, seeds.length * 2);
    }
    seeds[seedCount++] = x;
  }

  /**
   * Takes agent {@code s} out of its coalition (while its pair edges still describe its old state). The rest keeps
   * together when it is still worth more than 0, otherwise it is dissolved at once; seeds s and what remains. The
   * rest's value is v(C) - W(s, C \ {s}) + pen(|C|) - pen(|C| - 1), exactly v(C \ {s}), read from s's own edges
   * instead of summing every member's edges again.
   */
  private void extract(int s) {
    int c = coalOf[s];
    int sc = size[c];
    double rest = 0;
    if (sc > 2) {
      double own = 0;
      int[] ns = graph.nbr;
      double[] ws = graph.w;
      for (int e = graph.sd[2 * s], end = e + graph.sd[2 * s + 1]; e < end; e++) {
        if (coalOf[ns[e]] == c) {
          own += ws[e];
        }
      }
      rest = value[c] - own + (penalty(sc) - penalty(sc - 1));
    }
    int rep = detach(s);
    makeSingleton(s);
    addSeed(s);
    if (rep < 0) {
      return;
    }
    value[rep] = rest;
    if (size[rep] > 1 && !(value[rep] > 0)) {
      for (int m = head[rep]; m >= 0; ) {
        int following = next[m];
        makeSingleton(m);
        addSeed(m);
        m = following;
      }
    } else {
      addSeed(rep);
    }
  }

  /**
   * Unlinks agent {@code s} from its coalition and returns the representative of the rest (its value left to the
   * caller), or -1 when s was alone. s's own coalition fields are left for the caller to reset.
   */
  private int detach(int s) {
    int c = coalOf[s];
    if (size[c] == 1) {
      return -1;
    }
    int first = -1;
    int last = -1;
    int count = 0;
    for (int m = head[c]; m >= 0; m = next[m]) {
      if (m != s) {
        if (first < 0) {
          first = m;
        } else {
          next[last] = m;
        }
        last = m;
        count++;
      }
    }
    next[last] = -1;
    int rep = c != s ? c : first;
    if (rep != c) {
      for (int m = first; m >= 0; m = next[m]) {
        coalOf[m] = rep;
      }
    }
    head[rep] = first;
    tail[rep] = last;
    size[rep] = count;
    version[rep]++;
    bestPartner[rep] = -1;
    bestGain[rep] = 0;
    return rep;
  }

  // ---------------------------------------------------------------- local improvement

  /** Smallest improvement a single-agent move must bring (guards against cycling on rounding noise). */
  private static final double MOVE_EPSILON = 1e-9;
  private int[] queue = new int[64];
  private boolean[] queued = new boolean[0];
  private int queueHead;
  private int queueTail;

  /** Empties the queue, unmarking only the agents still in it (the others were unmarked when examined). */
  private void clearQueue() {
    for (int q = queueHead; q < queueTail; q++) {
      queued[queue[q]] = false;
    }
    queueHead = 0;
    queueTail = 0;
  }

  private void enqueue(int agent) {
    if (queued.length < coalOf.length) {
      queued = Arrays.copyOf(queued, coalOf.length);
    }
    if (queued[agent]) {
      return;
    }
    queued[agent] = true;
    if (queueTail == queue.length) {
      if (queueHead > 0) {
        System.arraycopy(queue, queueHead, queue, 0, queueTail - queueHead);
        queueTail -= queueHead;
        queueHead = 0;
      }
      if (queueTail == queue.length) {
        queue = Arrays.copyOf(queue, queue.length * 2);
      }
    }
    queue[queueTail++] = agent;
  }

  /**
   * Single-agent moves after merging: an agent leaves its coalition for an adjacent one (or to be alone) when that
   * raises the total value by more than {@value #MOVE_EPSILON} and leaves both coalitions worth more than 0. This
   * repairs what merging alone cannot undo, e.g. an agent in a pair that has a better partner next door. Agents whose
   * options changed are queued again; coalitions that changed are seeded for the next merging pass. Returns the
   * number of moves.
   */
  private int polish(int moveBudget) {
    int moves = 0;
    while (queueHead < queueTail && moves < moveBudget) {
      int i = queue[queueHead++];
      queued[i] = false;
      if (TRACE) {
        traceEvaluations++;
      }
      if (i >= table.slots || !table.alive[i] || coalOf[i] < 0) {
        continue;
      }
      int c = coalOf[i];
      int count = gatherAgent(i, nextStamp());
      int st = stamp;
      double own = accMark[2 * c + 1] == st ? accMark[2 * c] : 0;
      int sc = size[c];
      double loss = sc == 1 ? 0 : own - (penalty(sc) - penalty(sc - 1));
      double rest = sc == 1 ? 0 : value[c] - loss;
      if (sc > 2 && !(rest > 0)) {
        continue;
      }
      int best = -1;
      double bestDelta = MOVE_EPSILON;
      double bestJoinValue = 0;
      if (sc > 1 && -loss > bestDelta) {
        best = i;
        bestDelta = -loss;
      }
      for (int t = 0; t < count; t++) {
        int x = touched[t];
        if (x == c) {
          continue;
        }
        double joined = value[x] + accMark[2 * x] - (penalty(size[x] + 1) - penalty(size[x]));
        double delta = joined - value[x] - loss;
        if (joined > 0 && (delta > bestDelta || (delta == bestDelta && best >= 0 && x < best))) {
          best = x;
          bestDelta = delta;
          bestJoinValue = joined;
        }
      }
      if (best < 0) {
        continue;
      }
      int restRep = detach(i);
      if (restRep >= 0) {
        value[restRep] = size[restRep] == 1 ? 0 : rest;
        addSeed(restRep);
        for (int m = head[restRep]; m >= 0; m = next[m]) {
          enqueue(m);
        }
      }
      makeSingleton(i);
      if (best != i) {
        coalOf[i] = best;
        next[tail[best]] = i;
        tail[best] = i;
        size[best]++;
        value[best] = bestJoinValue;
        version[best]++;
        bestPartner[best] = -1;
        bestGain[best] = 0;
        addSeed(best);
        for (int m = head[best]; m >= 0; m = next[m]) {
          enqueue(m);
        }
      } else {
        addSeed(i);
      }
      moves++;
    }
    clearQueue();
    return moves;
  }

  /**
   * Queues the neighbours coalition {@code x} could pull in (and, when {@code members}, its members): those for which
   * moving into x raises the total value, W(j, x) - (pen(|x| + 1) - pen(|x|)) > {@link #hold}(j) + epsilon, the
   * necessary condition of such a move in {@link #polish}. (Testing only W(j, x) against the marginal penalty queued
   * 14,000 agents per round of 1% moves on 100,000 agents for 11-23 moves; this test queues about 300, and the
   * moves found, and the value, stayed the same within the harness's noise: docs/coalitions.md, "Incremental
   * mode".) {@code aroundStamp} (in {@code done}) marks coalitions already handled.
   */
  private void enqueueAround(int x, int aroundStamp, boolean members) {
    if (done[x] == aroundStamp) {
      return;
    }
    done[x] = aroundStamp;
    double marginal = penalty(size[x] + 1) - penalty(size[x]);
    int st = nextStamp();
    int count = 0;
    for (int m = head[x]; m >= 0; m = next[m]) {
      if (members) {
        enqueue(m);
      }
      int[] ns = graph.nbr;
      double[] ws = graph.w;
      for (int d = graph.sd[2 * m], end = d + graph.sd[2 * m + 1]; d < end; d++) {
        int j = ns[d];
        if (coalOf[j] == x) {
          continue;
        }
        double[] am = accMark;
        if (am[2 * j + 1] != st) {
          am[2 * j + 1] = st;
          am[2 * j] = ws[d];
          touched[count++] = j;
        } else {
          am[2 * j] += ws[d];
        }
      }
    }
    for (int t = 0; t < count; t++) {
      int j = touched[t];
      double pull = accMark[2 * j] - marginal;
      if (pull > 0 && pull - hold(j) > MOVE_EPSILON) {
        enqueue(j);
      }
    }
  }

  /** What agent j's own coalition loses when j leaves: W(j, C \ {j}) - (pen(|C|) - pen(|C| - 1)); 0 alone. */
  private double hold(int j) {
    int c = coalOf[j];
    int sc = size[c];
    if (sc == 1) {
      return 0;
    }
    double own = 0;
    int[] ns = graph.nbr;
    double[] ws = graph.w;
    int[] co = coalOf;
    for (int e = graph.sd[2 * j], end = e + graph.sd[2 * j + 1]; e < end; e++) {
      if (co[ns[e]] == c) {
        own += ws[e];
      }
    }
    return own - (penalty(sc) - penalty(sc - 1));
  }

  /** Sums W(i, x) over the coalitions x adjacent to agent i (its own included) into accMark; listed in touched. */
  private int gatherAgent(int i, int st) {
    return gatherEdges(i, -1, st, 0);
  }

  /**
   * Adds W(i, x) over the coalitions x adjacent to agent i, except coalition {@code skip} (-1: none), into accMark
   * under stamp st; a coalition not yet stamped is listed in touched at {@code count}. Returns the new count.
   */
  private int gatherEdges(int i, int skip, int st, int count) {
    int from = graph.sd[2 * i];
    return accumulate(graph.nbr, graph.w, from, from + graph.sd[2 * i + 1], skip, st, count);
  }

  /**
   * The inner loop of the gathers: for e in [from, to), adds ws[e] to the accMark sum of the coalition of agent
   * ids[e] (unless it is {@code skip}) under stamp st, listing a coalition not yet stamped in touched at
   * {@code count}. Returns the new count.
   */
  private int accumulate(int[] ids, double[] ws, int from, int to, int skip, int st, int count) {
    int[] co = coalOf;
    double[] am = accMark;
    int[] listed = touched;
    double stamped = st;
    for (int e = from; e < to; e++) {
      int x = co[ids[e]];
      if (x == skip) {
        continue;
      }
      int at = 2 * x;
      if (am[at + 1] != stamped) {
        am[at + 1] = stamped;
        am[at] = ws[e];
        listed[count++] = x;
      } else {
        am[at] += ws[e];
      }
    }
    return count;
  }

  /**
   * Alternates single-agent moves and merging until neither changes anything (at most {@code passes} times).
   * The queue holds the agents to examine first. Returns the moves made.
   */
  private int improve(int passes) {
    int totalMoves = 0;
    for (int pass = 0; pass < passes && queueTail > queueHead; pass++) {
      seedCount = 0;
      int moves = polish(Math.max(1000, 4 * table.live));
      totalMoves += moves;
      if (moves == 0) {
        break;
      }
      heap.clear();
      startMergeSession();
      int seededStamp = nextStamp();
      for (int k = 0; k < seedCount; k++) {
        int x = seeds[k];
        if (table.alive[x] && coalOf[x] == x && done[x] != seededStamp) {
          done[x] = seededStamp;
          fullBest(x);
        }
      }
      agglomerate();
      // Coalitions that changed (lost or took in an agent, or merged) may now hold agents that prefer another
      // neighbour, or be able to pull one in.
      int aroundStamp = nextStamp();
      for (int k = 0; k < seedCount; k++) {
        int x = seeds[k];
        if (table.alive[x] && coalOf[x] >= 0) {
          enqueueAround(coalOf[x], aroundStamp, true);
        }
      }
    }
    clearQueue();
    return totalMoves;
  }

  private void makeSingleton(int s) {
    coalOf[s] = s;
    next[s] = -1;
    head[s] = s;
    tail[s] = s;
    size[s] = 1;
    value[s] = 0;
    version[s]++;
    bestPartner[s] = -1;
    bestGain[s] = 0;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(accMark, 0);
      Arrays.fill(done, 0);
      stamp = 1;
    }
    return stamp;
  }

  // ---------------------------------------------------------------- agglomeration

  private double penalty(int s) {
    if (s >= penalty.length) {
      int old = penalty.length;
      penalty = Arrays.copyOf(penalty, Math.max(s + 1, old * 2 + 16));
      for (int i = old; i < penalty.length; i++) {
        penalty[i] = function.sizePenalty(i);
      }
    }
    return penalty[s];
  }

  private double penaltyDelta(int sa, int sb) {
    return penalty(sa + sb) - penalty(sa) - penalty(sb);
  }

  private boolean better(double g, int partner, int c) {
    return g > bestGain[c] || (g == bestGain[c] && bestPartner[c] >= 0 && partner < bestPartner[c]);
  }

  /** Best partner of singleton {@code s} when every agent is a singleton (start of a full formation). */
  private void singletonBest(int s, double pairPenalty) {
    int[] ns = graph.nbr;
    double[] ws = graph.w;
    for (int e = graph.sd[2 * s], d = e + graph.sd[2 * s + 1]; e < d; e++) {
      double g = ws[e] - pairPenalty;
      if (better(g, ns[e], s)) {
        bestGain[s] = g;
        bestPartner[s] = ns[e];
      }
    }
    if (bestPartner[s] >= 0) {
      int p = bestPartner[s];
      heap.append(bestGain[s], s, p, version[s], version[p]);
    }
  }

  // ---------------------------------------------------------------- adjacency of coalitions within a merging session

  /*
   * Between two splits (an agent taken out, a coalition dissolved, a single-agent move) coalitions only merge. In
   * such a merging session a coalition's W to each adjacent coalition, once summed from its members' edges, is kept
   * as a list (adjacent coalition, W) in an arena: W(A u B, X) = W(A, X) + W(B, X), so a merge adds the two lists
   * instead of walking every member's pair edges again (tens of entries instead of size x degree edges). An entry
   * names a member slot of the adjacent coalition at the time it was written; coalOf maps it to the coalition that
   * slot belongs to now (merges only unite, so that is exact), and entries that now name the same coalition add up.
   * A singleton needs no list: its pair edges are one. Any split ends the session (startMergeSession), since lists
   * would then name coalitions that lost members.
   */
  private int[] adjId = new int[1024];
  private double[] adjW = new double[1024];
  private int adjTop;
  private int[] adjStart = new int[0];
  private int[] adjLen = new int[0];
  private int[] adjSession = new int[0];
  private int session;

  /** Starts a merging session: the adjacency lists of the previous one are dropped. */
  private void startMergeSession() {
    session++;
    adjTop = 0;
    if (adjSession.length < coalOf.length) {
      adjStart = Arrays.copyOf(adjStart, coalOf.length);
      adjLen = Arrays.copyOf(adjLen, coalOf.length);
      adjSession = Arrays.copyOf(adjSession, coalOf.length);
    }
  }

  /**
   * Sums W(c, x) over the coalitions x adjacent to c into accMark and lists them in touched; returns how many. Reads
   * c's adjacency list when it has one in this session, else its members' pair edges (and then keeps the result as
   * c's list when c has more than one member).
   */
  private int gatherNeighbours(int c, int st) {
    int count;
    if (adjSession[c] == session) {
      count = gatherList(c, c, st, 0);
    } else {
      count = 0;
      for (int m = head[c]; m >= 0; m = next[m]) {
        if (TRACE) {
          traceEdges += graph.sd[2 * m + 1];
        }
        count = gatherEdges(m, c, st, count);
      }
      if (size[c] > 1) {
        keepList(c, count);
      }
    }
    return count;
  }

  /**
   * Adds the adjacency of coalition {@code c} (its list, or its pair edges when it is a singleton without one) to
   * accMark under stamp st, skipping coalition {@code skip}; returns the new count of touched.
   */
  private int gatherList(int c, int skip, int st, int count) {
    if (adjSession[c] != session) {
      if (TRACE) {
        traceEdges += graph.sd[2 * c + 1];
      }
      return gatherEdges(c, skip, st, count);
    }
    int from = adjStart[c];
    int to = from + adjLen[c];
    if (TRACE) {
      traceEdges += to - from;
    }
    return accumulate(adjId, adjW, from, to, skip, st, count);
  }

  /** Stores the {@code count} sums just gathered (touched, accMark) as the adjacency list of coalition c. */
  private void keepList(int c, int count) {
    if (adjTop + count > adjId.length) {
      int grown = Math.max(adjTop + count, adjId.length + (adjId.length >> 1));
      adjId = Arrays.copyOf(adjId, grown);
      adjW = Arrays.copyOf(adjW, grown);
    }
    int at = adjTop;
    for (int t = 0; t < count; t++) {
      int x = touched[t];
      adjId[at] = x;
      adjW[at] = accMark[2 * x];
      at++;
    }
    adjStart[c] = adjTop;
    adjLen[c] = count;
    adjSession[c] = session;
    adjTop = at;
  }

  /**
   * W(r, x) for every coalition x adjacent to r = a u b just merged (coalOf of all members already r), from the
   * lists of a and b, or from r's members' edges when one of them has none in this session; kept as r's list.
   */
  private int gatherMerged(int r, int a, int b, boolean aListed, boolean bListed, int st) {
    int count;
    if (aListed && bListed) {
      count = gatherList(a, r, st, 0);
      count = gatherList(b, r, st, count);
    } else {
      count = 0;
      for (int m = head[r]; m >= 0; m = next[m]) {
        if (TRACE) {
          traceEdges += graph.sd[2 * m + 1];
        }
        count = gatherEdges(m, r, st, count);
      }
    }
    keepList(r, count);
    return count;
  }

  /** Whether coalition c's adjacency can be read without walking its members' edges. */
  private boolean listed(int c) {
    return adjSession[c] == session || size[c] == 1;
  }

  /** Recomputes the best partner of coalition {@code c} from scratch and queues it. */
  private void fullBest(int c) {
    bestPartner[c] = -1;
    bestGain[c] = 0;
    int count = gatherNeighbours(c, nextStamp());
    for (int t = 0; t < count; t++) {
      int x = touched[t];
      double g = accMark[2 * x] - penaltyDelta(size[c], size[x]);
      if (better(g, x, c)) {
        bestGain[c] = g;
        bestPartner[c] = x;
      }
    }
    if (bestPartner[c] >= 0) {
      int p = bestPartner[c];
      heap.push(bestGain[c], c, p, version[c], version[p]);
    }
  }

  private long traceEdges;
  private long traceEvaluations;
  private long traceRecomputes;
  private long tracePops;

  private int agglomerate() {
    int merges = 0;
    MergeHeap h = heap;
    while (h.pop()) {
      if (TRACE) {
        tracePops++;
      }
      int a = h.topA;
      int b = h.topB;
      if (coalOf[a] != a || coalOf[b] != b || version[a] != h.topVersionA || version[b] != h.topVersionB) {
        continue;
      }
      merge(a, b, h.topGain);
      merges++;
    }
    return merges;
  }

  private void merge(int a, int b, double gain) {
    // Whether a and b have adjacency lists (a singleton's is its pair edges): read before sizes change.
    boolean aListed = listed(a);
    boolean bListed = listed(b);
    int r = size[a] > size[b] || (size[a] == size[b] && a < b) ? a : b;
    int d = r == a ? b : a;
    for (int m = head[d]; m >= 0; m = next[m]) {
      coalOf[m] = r;
    }
    next[tail[r]] = head[d];
    tail[r] = tail[d];
    size[r] += size[d];
    value[r] = value[a] + value[b] + gain;
    version[r]++;
    version[d]++;
    bestPartner[d] = -1;
    bestGain[d] = 0;
    bestPartner[r] = -1;
    bestGain[r] = 0;

    int count = gatherMerged(r, a, b, aListed, bListed, nextStamp());
    int recomputeCount = 0;
    for (int t = 0; t < count; t++) {
      int x = touched[t];
      double g = accMark[2 * x] - penaltyDelta(size[r], size[x]);
      if (better(g, x, r)) {
        bestGain[r] = g;
        bestPartner[r] = x;
      }
      int px = bestPartner[x];
      if (px == a || px == b) {
        // x's best partner is gone. Every other partner of x gains at most the old best; if the merged coalition
        // gains strictly more, it is x's new best without looking at the others.
        if (g > bestGain[x]) {
          bestGain[x] = g;
          bestPartner[x] = r;
          heap.push(g, x, r, version[x], version[r]);
        } else {
          recompute[recomputeCount++] = x;
        }
      } else if (better(g, r, x)) {
        bestGain[x] = g;
        bestPartner[x] = r;
        heap.push(g, x, r, version[x], version[r]);
      }
    }
    if (bestPartner[r] >= 0) {
      int p = bestPartner[r];
      heap.push(bestGain[r], r, p, version[r], version[p]);
    }
    if (TRACE) {
      traceRecomputes += recomputeCount;
    }
    for (int t = 0; t < recomputeCount; t++) {
      fullBest(recompute[t]);
    }
  }

  // ---------------------------------------------------------------- results

  public Round lastRound() {
    return lastRound;
  }

  public int resolution() {
    return resolution;
  }

  public int k() {
    return k;
  }

  /**
   * A copy of the coalition state (a few primitive arrays, about 40 bytes per agent slot): cheap enough to take
   * every round, with the grouping into coalitions done only when someone asks ({@link Snapshot#partition()}).
   */
  public Snapshot snapshot() {
    int n = table.slots;
    return new Snapshot(Arrays.copyOf(table.alive, n), Arrays.copyOf(coalOf, n), Arrays.copyOf(next, n),
        Arrays.copyOf(head, n), Arrays.copyOf(size, n), Arrays.copyOf(value, n), Arrays.copyOf(table.id, n),
        Arrays.copyOf(table.agentCell, n), table.live);
  }

  /** The coalition state of one round, by slot. */
  public record Snapshot(boolean[] alive, int[] coalOf, int[] next, int[] head, int[] size, double[] value,
      long[] id, long[] agentCell, int agents) {

    /** Total value, coalitions of two or more agents and all coalitions, in one pass. */
    public Totals totals() {
      double sum = 0;
      int multi = 0;
      int all = 0;
      for (int s = 0; s < alive.length; s++) {
        if (alive[s] && coalOf[s] == s) {
          all++;
          if (size[s] > 1) {
            multi++;
            sum += value[s];
          }
        }
      }
      return new Totals(sum, multi, all);
    }

    /** Coalitions including singletons. */
    public int coalitionCount() {
      return totals().coalitions();
    }

    /** The partition grouped: coalitions ordered by their smallest member id, members ascending. */
    public Partition partition() {
      int n = alive.length;
      int coalitions = coalitionCount();
      long[][] groups = new long[coalitions][];
      int[] groupRep = new int[coalitions];
      int g = 0;
      for (int s = 0; s < n; s++) {
        if (alive[s] && coalOf[s] == s) {
          long[] ids = new long[size[s]];
          int i = 0;
          for (int m = head[s]; m >= 0; m = next[m]) {
            ids[i++] = id[m];
          }
          Arrays.sort(ids);
          groups[g] = ids;
          groupRep[g] = s;
          g++;
        }
      }
      Integer[] order = new Integer[coalitions];
      for (int i = 0; i < coalitions; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingLong(i -> groups[i][0]));
      // Slot of every id, to find the members' cells.
      LongIntHashMap slotOf = new LongIntHashMap(agents);
      for (int s = 0; s < n; s++) {
        if (alive[s]) {
          slotOf.put(id[s], s);
        }
      }
      int[] offsets = new int[coalitions + 1];
      long[] members = new long[agents];
      long[] memberCells = new long[agents];
      double[] values = new double[coalitions];
      int at = 0;
      for (int c = 0; c < coalitions; c++) {
        long[] ids = groups[order[c]];
        for (long memberId : ids) {
          members[at] = memberId;
          memberCells[at] = agentCell[slotOf.get(memberId)];
          at++;
        }
        int rep = groupRep[order[c]];
        values[c] = size[rep] > 1 ? value[rep] : 0.0;
        offsets[c + 1] = at;
      }
      return new Partition(offsets, members, memberCells, values);
    }
  }

  /** Summary figures of a snapshot. */
  public record Totals(double totalValue, int multiMember, int coalitions) {}

  /**
   * A partition of the agents: coalition c holds {@code members[offsets[c] .. offsets[c+1])} (ascending), whose
   * own H3 cells are at the same positions of {@code memberCells}; {@code values[c]} is its value.
   */
  public record Partition(int[] offsets, long[] members, long[] memberCells, double[] values) {}
}
