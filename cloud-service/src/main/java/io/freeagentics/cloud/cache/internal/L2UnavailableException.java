package io.freeagentics.cloud.cache.internal;

/** The L2 store could not answer (not connected, timed out, refused); the cache falls back to L1 and the loader. */
public final class L2UnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An exception naming the operation and why it failed. */
  public L2UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
