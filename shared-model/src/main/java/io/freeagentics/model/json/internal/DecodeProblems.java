package io.freeagentics.model.json.internal;

import io.freeagentics.model.ModelProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found while decoding one JSON model, each naming its JSON path, and the model arrays they spoil
 * (an array that could not be decoded is not handed to the model validator, so its problems are not repeated
 * as "is missing").
 */
final class DecodeProblems {
  private final List<ModelProblem> problems = new ArrayList<>();
  private final Set<String> spoiled = new HashSet<>();

  /** Records a problem at a JSON path such as {@code A[0][3][1]}. */
  void add(String path, String message) {
    problems.add(new ModelProblem(path, "", message));
  }

  /** Marks a model array (for example {@code "A"} or {@code "A[1]"}) as not decoded. */
  void spoil(String array) {
    spoiled.add(array);
  }

  boolean isSpoiled(String array) {
    return spoiled.contains(array);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  List<ModelProblem> list() {
    return List.copyOf(problems);
  }
}
