package io.freeagentics.edge;

/** A sensor could not be read or an actuator could not be driven. Checked: hardware is external input. */
public final class EdgeIoException extends Exception {
  private static final long serialVersionUID = 1L;

  public EdgeIoException(String message, Throwable cause) {
    super(message, cause);
  }

  public EdgeIoException(String message) {
    super(message);
  }
}
