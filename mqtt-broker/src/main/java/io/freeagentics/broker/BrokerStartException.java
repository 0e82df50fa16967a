package io.freeagentics.broker;

/**
 * The embedded broker process could not be started or did not become ready: its classpath is missing, the port is
 * taken, or the broker failed. The message names the cause and, when the child ran, ends with its last log lines.
 */
public final class BrokerStartException extends Exception {

  private static final long serialVersionUID = 1L;

  /** An exception with a message naming what went wrong and where. */
  public BrokerStartException(String message) {
    super(message);
  }

  /** An exception with a message and the underlying cause. */
  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
