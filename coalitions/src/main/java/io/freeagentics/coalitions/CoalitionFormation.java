package io.freeagentics.coalitions;

import com.uber.h3core.exceptions.H3Exception;
import io.freeagentics.coalitions.internal.FormationEngine;
import io.freeagentics.coalitions.internal.H3Cells;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Coalition formation over agents on the H3 grid: groups agents that are near each other (within k rings), have
 * compatible goals and complementary capabilities, by greedy agglomeration on positive gain, and keeps the
 * grouping up to date between rounds without rebuilding it.
 *
 * <p>Usage: {@link #form} a population once; then {@link #put} agents that joined, moved or changed and
 * {@link #remove} agents that left, and call {@link #repair()} once per round: the changed agents leave their
 * coalitions, for each changed agent the neighbouring coalition it would most like to join is dissolved, and that
 * neighbourhood is merged again. Every call returns an immutable {@link CoalitionStructure}; {@link
 * #current()} returns the latest. Results are deterministic: the same agents and changes give the same structure.
 *
 * <p>Not thread-safe: one owner thread (or a lock) per instance; the snapshots it returns may be shared freely.
 * docs/coalitions.md describes the model, the algorithm and its cost.
 */
public final class CoalitionFormation {
  private final CoalitionConfig config;
  private final ValueFunction function;
  private final FormationEngine engine;
  private CoalitionStructure current;

  private CoalitionFormation(CoalitionConfig config, ValueFunction function) {
    this.config = config;
    this.function = function;
    this.engine = new FormationEngine(config, function);
    this.current = snapshot();
  }

  /** A formation with the standard value function of {@code config}. */
  public static CoalitionFormation create(CoalitionConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config is null");
    }
    return new CoalitionFormation(config, ValueFunction.standard(config));
  }

  /**
   * A formation with a custom value function ({@code config} still gives the resolution and k).
   *
   * @throws IllegalArgumentException when {@code function.sizePenalty(1)} is not 0
   */
  public static CoalitionFormation create(CoalitionConfig config, ValueFunction function) {
    if (config == null || function == null) {
      throw new IllegalArgumentException("config and function must not be null, got " + config + ", " + function);
    }
    return new CoalitionFormation(config, function);
  }

  public CoalitionConfig config() {
    return config;
  }

  public ValueFunction valueFunction() {
    return function;
  }

  /**
   * Replaces all agents by {@code agents} and forms coalitions from scratch (pending changes are dropped).
   *
   * @throws IllegalArgumentException naming the agent when an id repeats, a cell is not a valid H3 cell or coarser
   *     than the configured resolution, or the distributions differ in length
   */
  public CoalitionStructure form(Collection<Agent> agents) {
    if (agents == null) {
      throw new IllegalArgumentException("agents is null");
    }
    engine.form(agents);
    current = snapshot();
    return current;
  }

  /**
   * Records that {@code agent} joined, moved or changed (matched by id); takes effect at the next {@link #repair()}.
   *
   * @throws IllegalArgumentException as for {@link #form}
   */
  public void put(Agent agent) {
    engine.put(agent);
  }

  /**
   * Records that an agent left; takes effect at the next {@link #repair()}.
   *
   * @throws IllegalArgumentException when no agent has this id
   */
  public void remove(long agentId) {
    engine.remove(agentId);
  }

  /** Changes recorded since the last round. */
  public int pendingChanges() {
    return engine.pendingChanges();
  }

  /**
   * One incremental round: applies the recorded changes, taking the changed agents out of their coalitions and
   * dissolving, for each changed agent, the neighbouring coalition it would gain most by joining, and merges the
   * changed and freed agents and the rests of the coalitions they left again (into each other or into neighbouring
   * coalitions).
   */
  public CoalitionStructure repair() {
    engine.repair();
    current = snapshot();
    return current;
  }

  /** A full formation over the current agents with the recorded changes applied. */
  public CoalitionStructure rebuild() {
    return form(engine.agentsWithPending());
  }

  /** The structure of the latest round (empty before the first). */
  public CoalitionStructure current() {
    return current;
  }

  /** The agents of the formation, pending changes included, ordered by id. */
  public List<Agent> agents() {
    return engine.agentsWithPending();
  }

  /**
   * v(C) of any group of agents computed from scratch: pair weights at the H3 grid distance of their cells (at the
   * configured resolution; weight 0 beyond k rings or where H3 cannot measure the distance) minus the size
   * penalty. Used to check results independently of the incremental bookkeeping.
   */
  public double value(Collection<Agent> members) {
    List<Agent> list = new ArrayList<>(members);
    int r = config.resolution();
    long[] cells = new long[list.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = H3Cells.parent(list.get(i).cell(), r);
    }
    double sum = 0;
    for (int i = 0; i < cells.length; i++) {
      for (int j = i + 1; j < cells.length; j++) {
        int d = gridDistance(cells[i], cells[j]);
        if (d >= 0 && d <= config.k()) {
          sum += function.pairWeight(list.get(i), list.get(j), d);
        }
      }
    }
    return sum - function.sizePenalty(list.size());
  }

  /** H3 grid distance, or -1 when H3 cannot compute it (too far apart, or across a pentagon distortion). */
  static int gridDistance(long a, long b) {
    if (a == b) {
      return 0;
    }
    try {
      long d = H3Cells.h3().gridDistance(a, b);
      return d > Integer.MAX_VALUE ? -1 : (int) d;
    } catch (H3Exception e) {
      return -1;
    }
  }

  private CoalitionStructure snapshot() {
    FormationEngine.Round r = engine.lastRound();
    RoundStats stats = r == null ? new RoundStats(false, 0, 0, 0, 0, 0)
        : new RoundStats(r.incremental(), r.agents(), r.changedAgents(), r.freedAgents(), r.merges(), r.nanos());
    return new CoalitionStructure(engine.snapshot(), stats);
  }
}
