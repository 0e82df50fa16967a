package io.freeagentics.cloud.twin;

/** No command with that id was sent to that device; the API answers 404. */
public final class UnknownCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownCommandException(String message) {
    super(message);
  }
}
