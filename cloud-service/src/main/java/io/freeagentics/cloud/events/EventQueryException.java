package io.freeagentics.cloud.events;

/** The event table could not be read or purged (the database failed); the cause says why. */
public final class EventQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
