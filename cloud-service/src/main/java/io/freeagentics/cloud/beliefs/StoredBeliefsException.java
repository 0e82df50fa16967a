package io.freeagentics.cloud.beliefs;

/**
 * Stored beliefs ({@link StoredBeliefs}) that cannot be decoded: the database holds bytes this version did not
 * write. The message names the field and the byte offset.
 */
public final class StoredBeliefsException extends Exception {
  private static final long serialVersionUID = 1L;

  public StoredBeliefsException(String message) {
    super(message);
  }
}
