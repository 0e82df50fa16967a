package io.freeagentics.quant;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.sim.SimulatedWorld;

/**
 * Measures how closely an {@link Int8Population} follows the float {@link Population}, step by step from identical
 * histories: both engines see the same observations from a {@link SimulatedWorld} that the float engine's actions
 * drive; each chooses an action, the choices are compared, and then the float engine's action is forced into the
 * int8 engine ({@link Int8Population#setPreviousAction}) so that the next step again starts from the same history.
 * A disagreement therefore costs one step, never a diverging trajectory. Beliefs are compared after every step.
 *
 * <p>Ties are common: on the grid, once an agent is sure where it is, every move that does not reach the goal has
 * the same expected free energy. The float engine computes those equal values with different rounding, and its
 * precisions ({@code gamma * alpha = 256}) turn a few ulps of the expected free energy into action probabilities
 * 1e-4 apart, so its argmax among tied actions follows its rounding, below its own accuracy. The report therefore
 * gives, next to the raw same-action ratio, the share of steps on which the int8 choice was one of the float
 * engine's best actions within {@link #TIE_TOLERANCE}.
 */
public final class Int8Agreement {
  /**
   * Action probabilities closer than this count as tied: the float population's documented accuracy against the
   * double-precision reference engine, below which its own choice between two actions is not determined.
   */
  public static final double TIE_TOLERANCE = 1e-3;

  private Int8Agreement() {}

  /**
   * Runs both engines with {@code config} (its agents, seed, kernel, threads and settings; no history needed) for
   * {@code steps} steps of the simulated world seeded with {@code config.seed()}.
   *
   * @throws IllegalArgumentException when an argument is null or steps is below 1, or either engine rejects the
   *     model or settings
   */
  public static AgreementReport measure(GenerativeModel model, PopulationConfig config, int steps) {
    if (model == null || config == null) {
      throw new IllegalArgumentException("model and config must not be null");
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1 but was " + steps);
    }
    int agents = config.agents();
    int factors = model.numFactors();
    int maxStates = 0;
    int maxControls = 0;
    for (int f = 0; f < factors; f++) {
      maxStates = Math.max(maxStates, model.numStates(f));
      maxControls = Math.max(maxControls, model.numControls(f));
    }
    float[] floatBeliefs = new float[maxStates];
    float[] int8Beliefs = new float[maxStates];
    float[] probabilities = new float[maxControls];
    int[] observations = new int[agents * model.numModalities()];
    int[] floatActions = new int[agents * factors];
    int[] int8Actions = new int[agents * factors];
    int[] forced = new int[factors];
    SimulatedWorld world = new SimulatedWorld(model, agents, config.seed());
    long same = 0;
    long tieAware = 0;
    long nearTies = 0;
    long nearTieDisagreements = 0;
    double l1Sum = 0.0;
    double l1Max = 0.0;
    try (Population reference = Population.create(model, config);
         Int8Population quantized = Int8Population.create(model, config)) {
      for (int step = 0; step < steps; step++) {
        world.observe(observations);
        reference.step(observations, floatActions);
        quantized.step(observations, int8Actions);
        for (int agent = 0; agent < agents; agent++) {
          boolean agree = true;
          boolean withinTie = true;
          boolean nearTie = false;
          double l1 = 0.0;
          for (int f = 0; f < factors; f++) {
            agree &= floatActions[agent * factors + f] == int8Actions[agent * factors + f];
            int controls = model.numControls(f);
            if (controls > 1) {
              float[] p = probabilities.length == controls ? probabilities : new float[controls];
              reference.actionProbabilities(agent, f, p);
              float best = max(p);
              nearTie |= topTwoGap(p) < TIE_TOLERANCE;
              withinTie &= p[int8Actions[agent * factors + f]] >= best - TIE_TOLERANCE;
            }
            int states = model.numStates(f);
            float[] a = floatBeliefs.length == states ? floatBeliefs : new float[states];
            float[] b = int8Beliefs.length == states ? int8Beliefs : new float[states];
            reference.beliefs(agent, f, a);
            quantized.beliefs(agent, f, b);
            for (int s = 0; s < states; s++) {
              l1 += Math.abs(a[s] - b[s]);
            }
          }
          l1 /= factors;
          l1Sum += l1;
          l1Max = Math.max(l1Max, l1);
          if (agree) {
            same++;
          }
          if (agree || withinTie) {
            tieAware++;
          }
          if (nearTie) {
            nearTies++;
            if (!agree) {
              nearTieDisagreements++;
            }
          }
          if (!agree) {
            System.arraycopy(floatActions, agent * factors, forced, 0, factors);
            quantized.setPreviousAction(agent, forced);
          }
        }
        world.act(floatActions);
      }
    }
    long agentSteps = (long) agents * steps;
    return new AgreementReport(model.name(), agents, steps, agentSteps, same, tieAware, l1Sum / agentSteps, l1Max,
        TIE_TOLERANCE, nearTies, nearTieDisagreements);
  }

  private static float max(float[] p) {
    float best = Float.NEGATIVE_INFINITY;
    for (float v : p) {
      best = Math.max(best, v);
    }
    return best;
  }

  private static double topTwoGap(float[] p) {
    float best = Float.NEGATIVE_INFINITY;
    float second = Float.NEGATIVE_INFINITY;
    for (float v : p) {
      if (v > best) {
        second = best;
        best = v;
      } else if (v > second) {
        second = v;
      }
    }
    return best - second;
  }
}
