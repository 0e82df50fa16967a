package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeCheckpoint;
import java.util.List;

/**
 * Brings agents back to their checkpoints after a restart: every checkpointed agent gets its beliefs, previous
 * action and step count set directly, so it continues exactly where the stopped process left it, its random
 * stream included. The beliefs read back after the restore are compared with the checkpoint and the largest
 * difference is reported, for a log line: 0 on the float engine, below the 8-bit codec's rounding on the int8
 * engine (0 for checkpoints the int8 engine wrote itself, since its de-quantised beliefs round-trip to the same
 * codes).
 */
public final class AgentRestorer {
  private AgentRestorer() {}

  /** The agents restored and the largest absolute belief difference from their checkpoints after the restore. */
  public record Result(int agents, double maxBeliefDeviation) {}

  /**
   * Restores every checkpointed agent that exists in {@code engine} (checkpoints of agents beyond its size are
   * skipped: the device runs fewer agents than before).
   *
   * @throws IllegalArgumentException when a checkpoint does not fit the engine's model (factor count or sizes) or
   *     is not a valid state (a distribution not summing to 1, an action out of range); agents restored before it
   *     keep their restored state
   */
  public static Result restore(AgentEngine engine, List<EdgeCheckpoint> checkpoints) {
    double worst = 0;
    int restored = 0;
    for (EdgeCheckpoint checkpoint : checkpoints) {
      int agent = checkpoint.agent();
      if (agent >= engine.size()) {
        continue;
      }
      requireShape(engine, checkpoint);
      engine.restore(agent, checkpoint.beliefs(), checkpoint.previousAction(), checkpoint.steps());
      for (int f = 0; f < engine.factors(); f++) {
        float[] restoredBeliefs = new float[engine.numStates(f)];
        engine.beliefs(agent, f, restoredBeliefs);
        for (int s = 0; s < restoredBeliefs.length; s++) {
          worst = Math.max(worst, Math.abs(restoredBeliefs[s] - checkpoint.beliefs()[f][s]));
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
