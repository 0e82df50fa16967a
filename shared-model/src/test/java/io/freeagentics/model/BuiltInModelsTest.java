package io.freeagentics.model;

import static io.freeagentics.model.ModelAssertions.assertSameModel;
import static io.freeagentics.model.ModelAssertions.assertSameTensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.model.json.ModelJson;
import io.freeagentics.testing.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in models against the pymdp traces and the NumPy baseline's construction. */
class BuiltInModelsTest {
  private static final double TOLERANCE = 1e-15;

  private static GenerativeModel traceModel(String file) throws ModelInputException {
    return ModelJson.read(SharedFixtures.pymdpDir().resolve(file));
  }

  @Test
  void grid5IsTheModelOfTheGrid5Trace() throws Exception {
    GenerativeModel grid = BuiltInModels.grid(5);

    assertThat(grid.name()).isEqualTo("grid:5");
    assertSameModel(grid, traceModel("grid5-h1.json"), TOLERANCE);
  }

  @Test
  void grid5WithTwoStepPoliciesIsTheModelOfTheGrid5H2Trace() throws Exception {
    GenerativeModel trace = traceModel("grid5-h2.json");
    GenerativeModel grid = BuiltInModels.grid(5).toBuilder()
        .policies(Policies.enumerate(new int[] {5}, 2, null)).build();

    assertSameModel(grid, trace, TOLERANCE);
  }

  /**
   * The grid10 trace was recorded with observation noise 0.2 (its A holds 0.802 and 0.002), while the NumPy
   * baseline, and so {@code grid:10}, uses 0.1 at every size. Everything but A agrees.
   */
  @Test
  void grid10IsTheModelOfTheGrid10TraceWithItsNoise() throws Exception {
    GenerativeModel trace = traceModel("grid10-h1.json");
    GenerativeModel grid = BuiltInModels.grid(10);

    assertSameModel(BuiltInModels.grid(10, 0.2), trace, TOLERANCE);
    assertSameTensors("B", grid.b(), trace.b(), TOLERANCE);
    assertSameTensors("C", grid.c(), trace.c(), TOLERANCE);
    assertSameTensors("D", grid.d(), trace.d(), TOLERANCE);
    assertThat(grid.policies()).isEqualTo(trace.policies());
    assertThat(trace.a(0).get(0, 0)).isCloseTo(0.802, within(1e-12));
    assertThat(grid.a(0).get(0, 0)).isCloseTo(0.901, within(1e-12));
    assertThat(grid.a(0).get(1, 0)).isCloseTo(0.001, within(1e-12));
  }

  @Test
  void gridLikelihoodIsTheNormalisedNoisyIdentity() {
    GenerativeModel grid = BuiltInModels.grid(3);
    Tensor a = grid.a(0);

    for (int state = 0; state < 9; state++) {
      double sum = 0;
      for (int obs = 0; obs < 9; obs++) {
        sum += a.get(obs, state);
        assertThat(a.get(obs, state)).isCloseTo(obs == state ? 0.9 + 0.1 / 9 : 0.1 / 9, within(1e-15));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-15));
    }
  }

  @Test
  void gridMovesStopAtWalls() {
    GenerativeModel grid = BuiltInModels.grid(2);
    Tensor b = grid.b(0);
    // Cells: 0 1 / 2 3. Actions: stay, up, down, left, right.
    int[][] next = {{0, 0, 2, 0, 1}, {1, 1, 3, 0, 1}, {2, 0, 2, 2, 3}, {3, 1, 3, 2, 3}};

    for (int from = 0; from < 4; from++) {
      for (int u = 0; u < 5; u++) {
        for (int to = 0; to < 4; to++) {
          assertThat(b.get(to, from, u)).as("B[%d][%d][%d]", to, from, u).isEqualTo(to == next[from][u] ? 1.0 : 0.0);
        }
      }
    }
    assertThat(grid.c(0).toArray()).containsExactly(0, 0, 0, 3);
    assertThat(grid.d(0).toArray()).containsExactly(0.25, 0.25, 0.25, 0.25);
    assertThat(grid.numPolicies()).isEqualTo(5);
    assertThat(grid.policyLength()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 65, 1000})
  void gridSideOutsideTheRangeIsRefused(int side) {
    assertThatThrownBy(() -> BuiltInModels.grid(side))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grid side must be between 2 and 64 but was " + side);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
  void gridNoiseOutsideZeroToOneIsRefused(double noise) {
    assertThatThrownBy(() -> BuiltInModels.grid(4, noise))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grid noise must be between 0 and 1 but was " + noise);
  }

  @Test
  void tmazeIsTheModelOfTheTmazeTrace() throws Exception {
    GenerativeModel tmaze = BuiltInModels.tmaze();

    assertThat(tmaze.name()).isEqualTo("tmaze");
    assertSameModel(tmaze, traceModel("tmaze-h1.json"), 0.0);
  }

  @Test
  void tmazeWithTwoStepPoliciesIsTheModelOfTheTmazeH2Trace() throws Exception {
    GenerativeModel trace = traceModel("tmaze-h2.json");
    GenerativeModel tmaze = BuiltInModels.tmaze().toBuilder()
        .policies(Policies.enumerate(new int[] {4, 1}, 2, null)).build();

    assertSameModel(tmaze, trace, 0.0);
  }

  @Test
  void tmazeRewardsTheArmTheContextNames() {
    Tensor outcome = BuiltInModels.tmaze().a(1);

    assertThat(outcome.get(1, 1, 0)).isEqualTo(0.98);
    assertThat(outcome.get(2, 1, 0)).isEqualTo(1 - 0.98);
    assertThat(outcome.get(1, 2, 1)).isEqualTo(0.98);
    assertThat(outcome.get(0, 0, 1)).isEqualTo(1.0);
    assertThat(outcome.get(0, 3, 0)).isEqualTo(1.0);
    assertThat(BuiltInModels.tmaze().c(1).toArray()).containsExactly(0, 3, -3);
  }
}
