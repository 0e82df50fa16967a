package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeCheckpoint;
import io.freeagentics.edge.EdgeHistoryEntry;
import java.util.List;

/**
 * Brings agents back to their checkpoints after a restart. The population engines have no way to set beliefs
 * directly, so each agent is reset to D and replays its stored history (the last {@code historyLength}
 * observations and actions) through belief updates; the result is then compared with the checkpointed beliefs.
 * The replay is exact when the history reaches back to the agent's first tick, and converges to the checkpoint
 * for models whose observations are informative (the grid world: one observation pins the position); the largest
 * difference is reported so that a log line says how far from the checkpoint an agent resumed.
 */
public final class AgentRestorer {
  private AgentRestorer() {}

  /** The agents restored and the largest absolute belief difference from their checkpoints. */
  public record Result(int agents, double maxBeliefDeviation) {}

  /** Source of an agent's stored history, oldest first. */
  @FunctionalInterface
  public interface HistorySource {
    List<EdgeHistoryEntry> history(int agent) throws Exception;
  }

  /**
   * Restores every checkpointed agent that exists in {@code engine}.
   *
   * @throws IllegalArgumentException when a checkpoint does not fit the engine's model (factor count or sizes)
   */
  public static Result restore(AgentEngine engine, List<EdgeCheckpoint> checkpoints, HistorySource histories)
      throws Exception {
    double worst = 0;
    int restored = 0;
    for (EdgeCheckpoint checkpoint : checkpoints) {
      int agent = checkpoint.agent();
      if (agent >= engine.size()) {
        continue;
      }
      requireShape(engine, checkpoint);
      engine.reset(agent);
      for (EdgeHistoryEntry entry : histories.history(agent)) {
        engine.perceive(agent, entry.observation());
        engine.setPreviousAction(agent, entry.action());
      }
      for (int f = 0; f < engine.factors(); f++) {
        float[] replayed = new float[engine.numStates(f)];
        engine.beliefs(agent, f, replayed);
        for (int s = 0; s < replayed.length; s++) {
          worst = Math.max(worst, Math.abs(replayed[s] - checkpoint.beliefs()[f][s]));
        }
      }
      restored++;
    }
    return new Result(restored, worst);
  }

  private static void requireShape(AgentEngine engine, EdgeCheckpoint checkpoint) {
    if (checkpoint.beliefs().length != engine.factors()) {
      throw new IllegalArgumentException("checkpoint of agent " + checkpoint.agent() + " has "
          + checkpoint.beliefs().length + " factors but the model has " + engine.factors()
          + ": the database was written for another model (use another --data folder)");
    }
    for (int f = 0; f < engine.factors(); f++) {
      if (checkpoint.beliefs()[f].length != engine.numStates(f)) {
        throw new IllegalArgumentException("checkpoint of agent " + checkpoint.agent() + " has "
            + checkpoint.beliefs()[f].length + " states in factor " + f + " but the model has "
            + engine.numStates(f) + ": the database was written for another model (use another --data folder)");
      }
    }
  }
}
