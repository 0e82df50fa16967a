package io.freeagentics.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid generative models: 1 to 3 factors and 1 to 3 modalities of 1 to 6 states, outcomes
 * and controls, random column-stochastic A and B (with exact zeros and tiny entries), random C and D, optional
 * E, pA and pB, policies of length 1 or 2 either enumerated or drawn at random.
 */
public final class RandomModels {
  private RandomModels() {}

  /** The shape of a model and the switches for its optional parts; the entries come from {@code seed}. */
  record Recipe(int[] numStates, int[] numObs, int[] numControls, int policyLength, boolean withE,
      boolean withPA, boolean withPB, String name, long seed) {}

  public static Arbitrary<GenerativeModel> validModels() {
    Arbitrary<int[]> sizes = Arbitraries.integers().between(1, 6).array(int[].class).ofMinSize(1).ofMaxSize(3);
    Arbitrary<String> names = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u00e9', '\u2192')
        .ofMaxLength(16);
    return Combinators.combine(sizes, sizes, sizes, Arbitraries.integers().between(1, 2), Arbitraries.of(true, false),
            Arbitraries.of(true, false), Arbitraries.of(true, false), names)
        .flatAs((states, obs, controlsDraft, length, e, pA, pB, name) -> Arbitraries.longs().map(seed ->
            new Recipe(states, obs, fit(controlsDraft, states.length), length, e, pA, pB, name, seed)))
        .map(RandomModels::build);
  }

  /** Controls for every factor: the drawn sizes, cycled or cut to the number of factors. */
  private static int[] fit(int[] drawn, int factors) {
    int[] controls = new int[factors];
    for (int f = 0; f < factors; f++) {
      controls[f] = drawn[f % drawn.length];
    }
    return controls;
  }

  static GenerativeModel build(Recipe recipe) {
    Random random = new Random(recipe.seed());
    int[] numStates = recipe.numStates();
    int[] numObs = recipe.numObs();
    int[] numControls = recipe.numControls();
    List<Tensor> a = new ArrayList<>();
    List<Tensor> pA = new ArrayList<>();
    for (int o : numObs) {
      int[] shape = prepend(o, numStates);
      a.add(columnStochastic(shape, random));
      pA.add(counts(shape, random));
    }
    List<Tensor> b = new ArrayList<>();
    List<Tensor> pB = new ArrayList<>();
    List<Tensor> d = new ArrayList<>();
    for (int f = 0; f < numStates.length; f++) {
      int[] shape = {numStates[f], numStates[f], numControls[f]};
      b.add(columnStochastic(shape, random));
      pB.add(counts(shape, random));
      d.add(columnStochastic(new int[] {numStates[f]}, random));
    }
    List<Tensor> c = new ArrayList<>();
    for (int o : numObs) {
      double[] preferences = new double[o];
      for (int i = 0; i < o; i++) {
        preferences[i] = random.nextGaussian() * 3;
      }
      c.add(Tensor.vector(preferences));
    }
    List<Policy> policies = policies(numControls, recipe.policyLength(), random);
    GenerativeModel.Builder builder = GenerativeModel.builder(numStates, numObs, numControls)
        .name(recipe.name()).a(a).b(b).c(c).d(d).policies(policies);
    if (recipe.withE()) {
      builder.e(counts(new int[] {policies.size()}, random));
    }
    builder.pA(recipe.withPA() ? pA : null).pB(recipe.withPB() ? pB : null);
    try {
      return builder.build();
    } catch (ModelValidationException e) {
      throw new IllegalStateException("the generator made an invalid model: " + e.getMessage(), e);
    }
  }

  private static List<Policy> policies(int[] numControls, int length, Random random) {
    int[] controlFactors = new int[numControls.length];
    int chosen = 0;
    long count = 1;
    for (int f = 0; f < numControls.length; f++) {
      if (random.nextBoolean()) {
        controlFactors[chosen++] = f;
        count *= numControls[f];
      }
    }
    if (Math.pow(count, length) <= 64 && random.nextBoolean()) {
      return Policies.enumerate(numControls, length, java.util.Arrays.copyOf(controlFactors, chosen));
    }
    List<Policy> policies = new ArrayList<>();
    int howMany = 1 + random.nextInt(12);
    for (int k = 0; k < howMany; k++) {
      int[][] actions = new int[length][numControls.length];
      for (int t = 0; t < length; t++) {
        for (int f = 0; f < numControls.length; f++) {
          actions[t][f] = random.nextInt(numControls[f]);
        }
      }
      policies.add(Policy.of(actions));
    }
    return policies;
  }

  /** Random non-negative entries, each column over axis 0 divided by its sum; some entries exactly zero. */
  private static Tensor columnStochastic(int[] shape, Random random) {
    int rows = shape[0];
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    int columns = size / rows;
    double[] data = new double[size];
    for (int col = 0; col < columns; col++) {
      double sum = 0;
      for (int row = 0; row < rows; row++) {
        double value = entry(random);
        data[row * columns + col] = value;
        sum += value;
      }
      if (sum == 0) {
        data[random.nextInt(rows) * columns + col] = 1.0;
        sum = 1.0;
      }
      for (int row = 0; row < rows; row++) {
        data[row * columns + col] /= sum;
      }
    }
    return Tensor.of(shape, data);
  }

  /** Non-negative Dirichlet-like counts, some zero but never all. */
  private static Tensor counts(int[] shape, Random random) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    double[] data = new double[size];
    for (int i = 0; i < size; i++) {
      data[i] = entry(random) * 10;
    }
    boolean allZero = true;
    for (double value : data) {
      allZero &= value == 0;
    }
    if (allZero) {
      data[random.nextInt(size)] = 1.0;
    }
    return Tensor.of(shape, data);
  }

  private static double entry(Random random) {
    int kind = random.nextInt(10);
    if (kind < 2) {
      return 0.0;
    }
    if (kind == 2) {
      return random.nextDouble() * 1e-12;
    }
    return random.nextDouble();
  }

  private static int[] prepend(int first, int[] rest) {
    int[] out = new int[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
