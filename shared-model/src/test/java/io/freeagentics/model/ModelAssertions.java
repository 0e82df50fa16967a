package io.freeagentics.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.internal.ModelValidator;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry-by-entry comparison of two generative models, with failure messages naming the array and index. */
public final class ModelAssertions {
  private ModelAssertions() {}

  /** Asserts equal dimensions, policies and optional arrays, and every entry equal within {@code tolerance}. */
  public static void assertSameModel(GenerativeModel actual, GenerativeModel expected, double tolerance) {
    assertThat(actual.numStates()).as("num_states").containsExactly(expected.numStates());
    assertThat(actual.numObs()).as("num_obs").containsExactly(expected.numObs());
    assertThat(actual.numControls()).as("num_controls").containsExactly(expected.numControls());
    assertSameTensors("A", actual.a(), expected.a(), tolerance);
    assertSameTensors("B", actual.b(), expected.b(), tolerance);
    assertSameTensors("C", actual.c(), expected.c(), tolerance);
    assertSameTensors("D", actual.d(), expected.d(), tolerance);
    assertSameOptional("E", actual.e().map(List::of), expected.e().map(List::of), tolerance);
    assertSameOptional("pA", actual.pA(), expected.pA(), tolerance);
    assertSameOptional("pB", actual.pB(), expected.pB(), tolerance);
    assertThat(actual.policies()).as("policies").isEqualTo(expected.policies());
  }

  /** Asserts the models are identical, bit for bit, including their names. */
  public static void assertIdenticalModel(GenerativeModel actual, GenerativeModel expected) {
    assertThat(actual.name()).as("name").isEqualTo(expected.name());
    assertSameModel(actual, expected, 0.0);
    assertThat(actual.a()).as("A, bit for bit").isEqualTo(expected.a());
    assertThat(actual.b()).as("B, bit for bit").isEqualTo(expected.b());
    assertThat(actual.c()).as("C, bit for bit").isEqualTo(expected.c());
    assertThat(actual.d()).as("D, bit for bit").isEqualTo(expected.d());
    assertThat(actual.e()).as("E, bit for bit").isEqualTo(expected.e());
    assertThat(actual.pA()).as("pA, bit for bit").isEqualTo(expected.pA());
    assertThat(actual.pB()).as("pB, bit for bit").isEqualTo(expected.pB());
  }

  private static void assertSameOptional(String name, Optional<List<Tensor>> actual, Optional<List<Tensor>> expected,
      double tolerance) {
    assertThat(actual.isPresent()).as(name + " present").isEqualTo(expected.isPresent());
    if (actual.isPresent()) {
      assertSameTensors(name, actual.get(), expected.get(), tolerance);
    }
  }

  /** Asserts both lists hold tensors of equal shapes whose entries differ by at most {@code tolerance}. */
  public static void assertSameTensors(String name, List<Tensor> actual, List<Tensor> expected, double tolerance) {
    assertThat(actual).as(name + " count").hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertSameTensor(name + "[" + i + "]", actual.get(i), expected.get(i), tolerance);
    }
  }

  /** Asserts equal shapes and entries within {@code tolerance}, naming the first differing index. */
  public static void assertSameTensor(String name, Tensor actual, Tensor expected, double tolerance) {
    assertThat(actual.shape()).as(name + " shape").containsExactly(expected.shape());
    for (int i = 0; i < expected.size(); i++) {
      double difference = Math.abs(actual.at(i) - expected.at(i));
      if (!(difference <= tolerance)) {
        throw new AssertionError(name + " entry " + Arrays.toString(ModelValidator.unflatten(i, expected.shape()))
            + " is " + actual.at(i) + " but expected " + expected.at(i) + " (tolerance " + tolerance + ")");
      }
    }
  }
}
