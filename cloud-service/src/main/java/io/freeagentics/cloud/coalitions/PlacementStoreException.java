package io.freeagentics.cloud.coalitions;

/** The placement table could not be read or written (a database failure; the API answers 500). */
public class PlacementStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlacementStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
