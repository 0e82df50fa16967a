package io.freeagentics.model;

import java.util.List;
import java.util.stream.Collectors;

/** A generative model that breaks one or more rules; carries every problem found, not just the first. */
public class ModelValidationException extends ModelInputException {
  private static final long serialVersionUID = 1L;
  private final transient List<ModelProblem> problems;

  public ModelValidationException(String source, List<ModelProblem> problems) {
    super(describe(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order the arrays were checked. */
  public List<ModelProblem> problems() {
    return problems;
  }

  private static String describe(String source, List<ModelProblem> problems) {
    String where = source == null || source.isEmpty() ? "model" : source;
    return where + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }
}
