package io.freeagentics.cloud.coalitions;

/**
 * Two requests placed a device that had no placement at the same time and this one lost the insert; the API
 * answers 409 and the client may simply repeat the request (it then updates the placement the other one created).
 */
public final class PlacementConflictException extends PlacementStoreException {
  private static final long serialVersionUID = 1L;

  public PlacementConflictException(String fleet, String device, Throwable cause) {
    super("device " + fleet + "/" + device + " was placed by a concurrent request: repeat the request", cause);
  }
}
