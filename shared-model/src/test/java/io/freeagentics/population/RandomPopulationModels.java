package io.freeagentics.population;

import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.Policies;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random generative models for the population engine's property tests, built from a seed: 1-2 factors of 2-8
 * states with 1-4 controls, 1-2 modalities of 2-8 outcomes, A column-stochastic with exact zeros and tiny entries,
 * B either dense or sparse (each column one or two next states, as in grid worlds), Gaussian preferences C, D with
 * occasional zeros, optional E, policies of length 1 or 2 (enumerated or drawn), and random settings.
 */
final class RandomPopulationModels {
  private RandomPopulationModels() {}

  /** A model and the settings its agents use. */
  record Case(GenerativeModel model, AgentSettings settings, long seed) {
    @Override
    public String toString() {
      return "Case[seed=" + seed + ", " + model + ", " + settings + "]";
    }
  }

  static Arbitrary<Case> cases() {
    return Arbitraries.longs().map(RandomPopulationModels::build);
  }

  static Case build(long seed) {
    Random random = new Random(seed);
    int factors = 1 + random.nextInt(2);
    int modalities = 1 + random.nextInt(2);
    int[] numStates = new int[factors];
    int[] numControls = new int[factors];
    for (int f = 0; f < factors; f++) {
      numStates[f] = 2 + random.nextInt(7);
      numControls[f] = 1 + random.nextInt(4);
    }
    int[] numObs = new int[modalities];
    for (int m = 0; m < modalities; m++) {
      numObs[m] = 2 + random.nextInt(7);
    }
    boolean sparseB = random.nextBoolean();
    List<Tensor> a = new ArrayList<>();
    for (int m = 0; m < modalities; m++) {
      a.add(columnStochastic(prepend(numObs[m], numStates), random, false));
    }
    List<Tensor> b = new ArrayList<>();
    List<Tensor> d = new ArrayList<>();
    for (int f = 0; f < factors; f++) {
      b.add(columnStochastic(new int[] {numStates[f], numStates[f], numControls[f]}, random, sparseB));
      d.add(columnStochastic(new int[] {numStates[f]}, random, false));
    }
    List<Tensor> c = new ArrayList<>();
    for (int m = 0; m < modalities; m++) {
      double[] preferences = new double[numObs[m]];
      for (int o = 0; o < numObs[m]; o++) {
        preferences[o] = random.nextGaussian() * 3;
      }
      c.add(Tensor.vector(preferences));
    }
    List<Policy> policies = policies(numControls, 1 + random.nextInt(2), random);
    GenerativeModel.Builder builder = GenerativeModel.builder(numStates, numObs, numControls)
        .name(sparseB ? "random sparse B" : "random dense B").a(a).b(b).c(c).d(d).policies(policies);
    if (random.nextInt(4) == 0) {
      double[] e = new double[policies.size()];
      for (int k = 0; k < e.length; k++) {
        e[k] = random.nextInt(5) == 0 ? 0.0 : random.nextDouble();
      }
      e[random.nextInt(e.length)] = 1.0;
      builder.e(Tensor.vector(e));
    }
    AgentSettings settings = new AgentSettings(
        random.nextBoolean() ? 16.0 : 0.5 + random.nextDouble() * 20,
        random.nextBoolean() ? 16.0 : random.nextDouble() * 20,
        1 + random.nextInt(12),
        random.nextBoolean() ? 0.001 : random.nextDouble() * 0.01,
        random.nextInt(5) != 0,
        random.nextInt(5) != 0,
        false, false, false, 1.0, 1.0,
        random.nextBoolean() ? ActionSelection.DETERMINISTIC : ActionSelection.STOCHASTIC,
        random.nextInt(3) == 0 ? SamplingMode.FULL : SamplingMode.MARGINAL);
    try {
      return new Case(builder.build(), settings, seed);
    } catch (ModelValidationException e) {
      throw new IllegalStateException("the generator made an invalid model: " + e.getMessage(), e);
    }
  }

  private static List<Policy> policies(int[] numControls, int length, Random random) {
    long count = 1;
    for (int u : numControls) {
      count *= u;
    }
    if (Math.pow(count, length) <= 64 && random.nextInt(3) != 0) {
      return Policies.enumerate(numControls, length, null);
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

  /**
   * Non-negative entries, each column over axis 0 summing to 1. Dense columns have about 20% exact zeros and 10%
   * entries below 1e-12; sparse columns have one or two non-zero entries.
   */
  private static Tensor columnStochastic(int[] shape, Random random, boolean sparse) {
    int rows = shape[0];
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    int columns = size / rows;
    double[] data = new double[size];
    for (int col = 0; col < columns; col++) {
      if (sparse) {
        int first = random.nextInt(rows);
        if (random.nextBoolean()) {
          data[first * columns + col] = 1.0;
        } else {
          int second = random.nextInt(rows);
          double share = random.nextDouble();
          data[first * columns + col] += share;
          data[second * columns + col] += 1.0 - share;
        }
        continue;
      }
      double sum = 0;
      for (int row = 0; row < rows; row++) {
        int kind = random.nextInt(10);
        double value = kind < 2 ? 0.0 : kind == 2 ? random.nextDouble() * 1e-12 : random.nextDouble();
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

  private static int[] prepend(int first, int[] rest) {
    int[] out = new int[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
