package io.freeagentics.bench.jmh;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.sim.SimulatedWorld;
import java.util.SplittableRandom;

/**
 * A few frames of observations and actions for N agents, drawn before measurement from a random walk through a
 * {@link SimulatedWorld} (uniformly random actions, moves through B, observations through A), and cycled through
 * by the benchmark methods so that they see varied but realistic inputs without drawing them inside the timed
 * region.
 */
final class ObservationFrames {
  static final int FRAMES = 8;
  private final int[][] observations;
  private final int[][] actions;
  private int next;

  private ObservationFrames(int[][] observations, int[][] actions) {
    this.observations = observations;
    this.actions = actions;
  }

  static ObservationFrames draw(GenerativeModel model, int agents, long seed) {
    SimulatedWorld world = new SimulatedWorld(model, agents, seed);
    SplittableRandom random = new SplittableRandom(seed);
    int factors = model.numFactors();
    int[][] observations = new int[FRAMES][agents * model.numModalities()];
    int[][] actions = new int[FRAMES][agents * factors];
    for (int frame = 0; frame < FRAMES; frame++) {
      world.observe(observations[frame]);
      for (int agent = 0; agent < agents; agent++) {
        for (int f = 0; f < factors; f++) {
          actions[frame][agent * factors + f] = random.nextInt(model.numControls(f));
        }
      }
      world.act(actions[frame]);
    }
    return new ObservationFrames(observations, actions);
  }

  /** Moves to the next frame (cyclically) and returns its index. */
  int advance() {
    next = next + 1 == FRAMES ? 0 : next + 1;
    return next;
  }

  /** The observations of a frame, {@code [agent * M + m]}. */
  int[] observations(int frame) {
    return observations[frame];
  }

  /** The actions taken after a frame's observations, {@code [agent * F + f]}. */
  int[] actions(int frame) {
    return actions[frame];
  }
}
