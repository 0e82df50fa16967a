package io.freeagentics.cloud.cache;

import java.util.List;

/**
 * Cache settings ({@code fa.cache.*}) that break a rule: every problem at once, each as
 * {@code fa.cache.<property> = <value>: <problem>}, so that the service's startup check can list them with the
 * problems of the other settings.
 */
public final class CacheConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CacheConfigException(List<String> problems) {
    super("The cache configuration has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each naming its property and value. */
  public List<String> problems() {
    return problems;
  }

  /** The problems of the first {@code CacheConfigException} in {@code e}'s cause chain, or empty when none. */
  public static List<String> problemsIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CacheConfigException config) {
        return config.problems();
      }
    }
    return List.of();
  }
}
