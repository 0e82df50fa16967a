package io.freeagentics.cloud.ingest;

/** The broker could not take a down-link message now; the caller may retry later (the API answers 503). */
public final class DownlinkUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DownlinkUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
