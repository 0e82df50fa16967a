package io.freeagentics.trace;

import io.freeagentics.model.ModelInputException;

/** A trace file that cannot be read: names the file and the JSON path of the first bad field. */
public class TraceFormatException extends ModelInputException {
  private static final long serialVersionUID = 1L;

  public TraceFormatException(String message) {
    super(message);
  }

  public TraceFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
