package io.freeagentics.model;

/**
 * One thing wrong with a generative model: the array it concerns (for example {@code "A[1]"}), where in that
 * array (for example {@code "column [0, 3]"}, or empty for the whole array), and what is wrong.
 */
public record ModelProblem(String array, String location, String message) {
  public ModelProblem {
    if (array == null || message == null) {
      throw new IllegalArgumentException("array and message must not be null");
    }
    location = location == null ? "" : location;
  }

  @Override
  public String toString() {
    return array + (location.isEmpty() ? "" : " " + location) + ": " + message;
  }
}
