package io.freeagentics.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.ModelProblem;
import io.freeagentics.model.Policies;
import io.freeagentics.model.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dimension limits and the per-array reporting of the validator. */
class ModelValidatorTest {
  private static List<String> dimensionProblems(int[] numStates, int[] numObs, int[] numControls) {
    return ModelValidator.checkDimensions(numStates, numObs, numControls).stream().map(ModelProblem::toString)
        .toList();
  }

  @Test
  void theLargestBuiltInGridFitsTheLimits() {
    assertThat(dimensionProblems(new int[] {4096}, new int[] {4096}, new int[] {5})).isEmpty();
  }

  @Test
  void aModelTooLargeToHoldIsRefused() {
    assertThat(dimensionProblems(new int[] {10000}, new int[] {10000}, new int[] {5})).containsExactly(
        "num_states: with num_obs [10000] and num_controls [5] needs 600000000 entries in A and B, more than the "
            + "limit of 134217728");
  }

  @Test
  void anOverflowingModelIsRefusedWithoutOverflowing() {
    int[] many = new int[20];
    Arrays.fill(many, 60000);
    int[] controls = new int[20];
    Arrays.fill(controls, 1);

    assertThat(dimensionProblems(many, new int[] {60000}, controls)).singleElement().asString()
        .contains("needs more than 2^62 entries in A and B");
  }

  @Test
  void dimensionsAreBoundedOneByOne() {
    assertThat(dimensionProblems(new int[] {70000}, new int[] {2, 0}, new int[] {-1})).containsExactly(
        "num_states[0]: is 70000, more than the limit of 65536",
        "num_obs[1]: must be positive but is 0",
        "num_controls[0]: must be positive but is -1");
  }

  @Test
  void tooManyFactorsAreRefused() {
    int[] ones = new int[300];
    Arrays.fill(ones, 1);

    assertThat(dimensionProblems(ones, new int[] {1}, ones))
        .containsExactly("num_states: names 300 factors, more than the limit of 256");
  }

  @Test
  void aMissingArrayDoesNotHideItsSiblings() {
    Tensor badA = Tensor.of(new int[] {2, 2}, new double[] {0.5, 0.5, 0.4, 0.5});
    Tensor b = Tensor.of(new int[] {2, 2, 1}, new double[] {1, 0, 0, 1});
    List<Tensor> a = Arrays.asList(null, badA);

    List<String> problems = ModelValidator.checkArrays(new int[] {2}, new int[] {2, 2}, new int[] {1}, a, List.of(b),
            List.of(Tensor.vector(0, 0), Tensor.vector(0, 0)), List.of(Tensor.vector(0.5, 0.5)), null, null, null,
            Policies.enumerate(new int[] {1}, 1, null))
        .stream().map(ModelProblem::toString).toList();

    assertThat(problems).containsExactly("A[0]: is missing", "A[1] column [0]: sums to 0.9 instead of 1");
  }
}
