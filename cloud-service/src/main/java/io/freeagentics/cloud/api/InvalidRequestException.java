package io.freeagentics.cloud.api;

import java.util.List;

/** A request the API refuses with 400, listing every problem found. */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid request needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String problem) {
    this(List.of(new FieldProblem(field, problem)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  private static String summary(List<FieldProblem> problems) {
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size() + " problems, the first: " + (problems.isEmpty() ? "" : problems.get(0));
  }
}
