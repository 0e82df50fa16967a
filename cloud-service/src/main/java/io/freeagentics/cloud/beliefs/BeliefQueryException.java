package io.freeagentics.cloud.beliefs;

/** The belief tables could not be read (database unavailable, or a stored row this version cannot decode). */
public final class BeliefQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BeliefQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
