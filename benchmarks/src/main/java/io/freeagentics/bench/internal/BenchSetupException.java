package io.freeagentics.bench.internal;

/**
 * Something outside the JVM that a benchmark needs is missing or failed: the shared folder, Python, NumPy, or the
 * baseline script's output. The message says what to install or set.
 */
public final class BenchSetupException extends Exception {
  private static final long serialVersionUID = 1L;

  public BenchSetupException(String message) {
    super(message);
  }

  public BenchSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
