package io.freeagentics.cloud.twin;

/** The device (or fleet) was never seen; the API answers 404. */
public final class UnknownDeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownDeviceException(String message) {
    super(message);
  }
}
