package io.freeagentics.edge.internal;

/**
 * A failure of the MQTT link. {@link #connectionFault()} says whether the connection is to blame (broker gone, not
 * connected, in-flight window full, acknowledgement timed out): such a failure is not held against the message,
 * which is sent again after a reconnect. Otherwise the message itself was refused and counts as a failed attempt.
 */
public final class SyncLinkException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean connectionFault;

  public SyncLinkException(String message, boolean connectionFault, Throwable cause) {
    super(message, cause);
    this.connectionFault = connectionFault;
  }

  public boolean connectionFault() {
    return connectionFault;
  }
}
