package io.freeagentics.model;

import java.util.List;

/**
 * Models built in code, for benchmarks, demonstrations and tests: the grid world of the NumPy population
 * baseline ({@code shared/baselines/numpy_population.py}) and pymdp's T-maze. Each call builds a new model.
 */
public final class BuiltInModels {
  /** Smallest side of a grid world. */
  public static final int MIN_GRID_SIDE = 2;
  /** Largest side of a grid world: 4096 cells, whose dense A and B hold about 1.0e8 doubles (800 MB). */
  public static final int MAX_GRID_SIDE = 64;
  /** Observation noise of the baseline grid world: the share of probability spread over all cells. */
  public static final double GRID_NOISE = 0.1;
  /** Preference, in nats, for the grid's goal (its last cell). */
  public static final double GRID_GOAL_PREFERENCE = 3.0;

  /** Grid moves, in the baseline's order: the row and column step of each action. */
  private static final int[][] GRID_MOVES = {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}};

  /** Probability of the rewarding outcome in the rewarded arm of the T-maze (pymdp's default). */
  public static final double TMAZE_REWARD_PROBABILITY = 0.98;
  /** Preference, in nats, for reward (and its negative for loss) in the T-maze. */
  public static final double TMAZE_REWARD_PREFERENCE = 3.0;
  private static final int TMAZE_LOCATIONS = 4;
  private static final int TMAZE_CONTEXTS = 2;
  private static final int TMAZE_CENTRE = 0;
  private static final int TMAZE_CUE_LOCATION = 3;
  private static final int OUTCOME_NONE = 0;
  private static final int OUTCOME_REWARD = 1;
  private static final int OUTCOME_LOSS = 2;

  private BuiltInModels() {}

  /**
   * The {@code side x side} grid world of the NumPy baseline with observation noise {@link #GRID_NOISE}, named
   * {@code grid:side}.
   *
   * @throws IllegalArgumentException when side is not in [{@value #MIN_GRID_SIDE}, {@value #MAX_GRID_SIDE}]
   */
  public static GenerativeModel grid(int side) {
    return grid(side, GRID_NOISE);
  }

  /**
   * A {@code side x side} grid world with the given observation noise, entry for entry as the NumPy baseline
   * builds it: one factor of {@code side * side} cells numbered row by row, observed through one modality with
   * {@code A = normalise(eye * (1 - noise) + noise / cells)} (columns summed in row order, as NumPy does); five
   * actions stay, up, down, left, right, where a move into a wall stays in place; a preference of
   * {@value #GRID_GOAL_PREFERENCE} nats for the last cell; a uniform initial prior; one-step policies. The
   * pymdp trace {@code grid10-h1} was recorded with noise 0.2, {@code grid5-h1} with 0.1.
   *
   * @throws IllegalArgumentException when side is not in [{@value #MIN_GRID_SIDE}, {@value #MAX_GRID_SIDE}] or
   *     noise not in [0, 1]
   */
  public static GenerativeModel grid(int side, double noise) {
    if (side < MIN_GRID_SIDE || side > MAX_GRID_SIDE) {
      throw new IllegalArgumentException("grid side must be between " + MIN_GRID_SIDE + " and " + MAX_GRID_SIDE
          + " but was " + side);
    }
    if (!(noise >= 0 && noise <= 1)) {
      throw new IllegalArgumentException("grid noise must be between 0 and 1 but was " + noise);
    }
    int cells = side * side;
    String name = noise == GRID_NOISE ? "grid:" + side : "grid:" + side + " (noise " + noise + ")";
    double[] goal = new double[cells];
    goal[cells - 1] = GRID_GOAL_PREFERENCE;
    return build(GenerativeModel.builder(new int[] {cells}, new int[] {cells}, new int[] {GRID_MOVES.length})
        .name(name)
        .a(List.of(gridLikelihood(cells, noise)))
        .b(List.of(gridTransitions(side)))
        .c(List.of(Tensor.vector(goal)))
        .d(List.of(Tensor.filled(new int[] {cells}, 1.0 / cells)))
        .policies(Policies.enumerate(new int[] {GRID_MOVES.length}, 1, null)));
  }

  /** A of the grid, shape (cells, cells): the noisy identity, each column divided by its sum in row order. */
  private static Tensor gridLikelihood(int cells, double noise) {
    double diagonal = (1 - noise) + noise / cells;
    double offDiagonal = noise / cells;
    double[] a = new double[cells * cells];
    for (int state = 0; state < cells; state++) {
      double sum = 0;
      for (int obs = 0; obs < cells; obs++) {
        sum += obs == state ? diagonal : offDiagonal;
      }
      for (int obs = 0; obs < cells; obs++) {
        a[obs * cells + state] = (obs == state ? diagonal : offDiagonal) / sum;
      }
    }
    return Tensor.of(new int[] {cells, cells}, a);
  }

  /** B of the grid, shape (cells, cells, moves): each move from each cell leads to one cell. */
  private static Tensor gridTransitions(int side) {
    int cells = side * side;
    int moves = GRID_MOVES.length;
    double[] b = new double[cells * cells * moves];
    for (int from = 0; from < cells; from++) {
      int row = from / side;
      int column = from % side;
      for (int u = 0; u < moves; u++) {
        int nextRow = Math.min(Math.max(row + GRID_MOVES[u][0], 0), side - 1);
        int nextColumn = Math.min(Math.max(column + GRID_MOVES[u][1], 0), side - 1);
        int to = nextRow * side + nextColumn;
        b[(to * cells + from) * moves + u] = 1.0;
      }
    }
    return Tensor.of(new int[] {cells, cells, moves}, b);
  }

  /**
   * pymdp's T-maze, named {@code tmaze}, as in the trace {@code tmaze-h1}. Factor 0 is the location (0 centre,
   * 1 and 2 the arms, 3 the cue location; four controls, each moving to that location from anywhere), factor 1
   * the context (which arm is rewarded; one control, never changes). Modality 0 observes the location; modality
   * 1 the outcome (0 none, 1 reward, 2 loss): none at the centre and the cue location, and in arm {@code 1 + c}
   * reward with probability {@value #TMAZE_REWARD_PROBABILITY} under context {@code c}, loss otherwise;
   * modality 2 the cue, which shows the context at the cue location and is uniform elsewhere. Preferences
   * +3 for reward and -3 for loss; the agent starts at the centre, unsure of the context; one-step policies.
   */
  public static GenerativeModel tmaze() {
    int[] numStates = {TMAZE_LOCATIONS, TMAZE_CONTEXTS};
    int[] numObs = {TMAZE_LOCATIONS, 3, TMAZE_CONTEXTS};
    int[] numControls = {TMAZE_LOCATIONS, 1};
    return build(GenerativeModel.builder(numStates, numObs, numControls)
        .name("tmaze")
        .a(List.of(tmazeLocationLikelihood(), tmazeOutcomeLikelihood(), tmazeCueLikelihood()))
        .b(List.of(tmazeMoves(), tmazeContextStays()))
        .c(List.of(Tensor.vector(0, 0, 0, 0),
            Tensor.vector(0, TMAZE_REWARD_PREFERENCE, -TMAZE_REWARD_PREFERENCE),
            Tensor.vector(0, 0)))
        .d(List.of(Tensor.vector(1, 0, 0, 0), Tensor.vector(0.5, 0.5)))
        .policies(Policies.enumerate(numControls, 1, null)));
  }

  /** A[0] (location, location, context): the location is seen as it is. */
  private static Tensor tmazeLocationLikelihood() {
    double[] a = new double[TMAZE_LOCATIONS * TMAZE_LOCATIONS * TMAZE_CONTEXTS];
    for (int location = 0; location < TMAZE_LOCATIONS; location++) {
      for (int context = 0; context < TMAZE_CONTEXTS; context++) {
        a[(location * TMAZE_LOCATIONS + location) * TMAZE_CONTEXTS + context] = 1.0;
      }
    }
    return Tensor.of(new int[] {TMAZE_LOCATIONS, TMAZE_LOCATIONS, TMAZE_CONTEXTS}, a);
  }

  /** A[1] (outcome, location, context): no outcome off the arms; in the arms reward or loss by context. */
  private static Tensor tmazeOutcomeLikelihood() {
    int outcomes = 3;
    double[] a = new double[outcomes * TMAZE_LOCATIONS * TMAZE_CONTEXTS];
    double likely = TMAZE_REWARD_PROBABILITY;
    double unlikely = 1.0 - TMAZE_REWARD_PROBABILITY;
    for (int context = 0; context < TMAZE_CONTEXTS; context++) {
      a[(OUTCOME_NONE * TMAZE_LOCATIONS + TMAZE_CENTRE) * TMAZE_CONTEXTS + context] = 1.0;
      a[(OUTCOME_NONE * TMAZE_LOCATIONS + TMAZE_CUE_LOCATION) * TMAZE_CONTEXTS + context] = 1.0;
      for (int arm = 1; arm <= 2; arm++) {
        boolean rewarded = arm == 1 + context;
        a[(OUTCOME_REWARD * TMAZE_LOCATIONS + arm) * TMAZE_CONTEXTS + context] = rewarded ? likely : unlikely;
        a[(OUTCOME_LOSS * TMAZE_LOCATIONS + arm) * TMAZE_CONTEXTS + context] = rewarded ? unlikely : likely;
      }
    }
    return Tensor.of(new int[] {outcomes, TMAZE_LOCATIONS, TMAZE_CONTEXTS}, a);
  }

  /** A[2] (cue, location, context): the cue names the context at the cue location and is a coin flip elsewhere. */
  private static Tensor tmazeCueLikelihood() {
    double[] a = new double[TMAZE_CONTEXTS * TMAZE_LOCATIONS * TMAZE_CONTEXTS];
    for (int cue = 0; cue < TMAZE_CONTEXTS; cue++) {
      for (int location = 0; location < TMAZE_LOCATIONS; location++) {
        for (int context = 0; context < TMAZE_CONTEXTS; context++) {
          double p = location == TMAZE_CUE_LOCATION ? (cue == context ? 1.0 : 0.0) : 1.0 / TMAZE_CONTEXTS;
          a[(cue * TMAZE_LOCATIONS + location) * TMAZE_CONTEXTS + context] = p;
        }
      }
    }
    return Tensor.of(new int[] {TMAZE_CONTEXTS, TMAZE_LOCATIONS, TMAZE_CONTEXTS}, a);
  }

  /** B[0] (next, previous, action): action u leads to location u from anywhere. */
  private static Tensor tmazeMoves() {
    double[] b = new double[TMAZE_LOCATIONS * TMAZE_LOCATIONS * TMAZE_LOCATIONS];
    for (int previous = 0; previous < TMAZE_LOCATIONS; previous++) {
      for (int u = 0; u < TMAZE_LOCATIONS; u++) {
        b[(u * TMAZE_LOCATIONS + previous) * TMAZE_LOCATIONS + u] = 1.0;
      }
    }
    return Tensor.of(new int[] {TMAZE_LOCATIONS, TMAZE_LOCATIONS, TMAZE_LOCATIONS}, b);
  }

  /** B[1] (next, previous, 1): the context never changes. */
  private static Tensor tmazeContextStays() {
    double[] b = new double[TMAZE_CONTEXTS * TMAZE_CONTEXTS];
    for (int context = 0; context < TMAZE_CONTEXTS; context++) {
      b[context * TMAZE_CONTEXTS + context] = 1.0;
    }
    return Tensor.of(new int[] {TMAZE_CONTEXTS, TMAZE_CONTEXTS, 1}, b);
  }

  private static GenerativeModel build(GenerativeModel.Builder builder) {
    try {
      return builder.build();
    } catch (ModelValidationException e) {
      throw new IllegalStateException("a built-in model is invalid: " + e.getMessage(), e);
    }
  }
}
