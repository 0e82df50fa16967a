package io.freeagentics.wire;

import io.freeagentics.model.ModelInputException;

/**
 * A frame that is not a valid wire message: truncated, corrupted, of an unknown version or type, or carrying a
 * value out of range. Names the offending field and the byte offset at which it starts, so a bad frame from the
 * field can be diagnosed from the log line alone.
 */
public final class WireFormatException extends ModelInputException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final int offset;

  public WireFormatException(String field, int offset, String problem) {
    super(describe(field, offset, problem));
    this.field = field;
    this.offset = offset;
  }

  public WireFormatException(String field, int offset, String problem, Throwable cause) {
    super(describe(field, offset, problem), cause);
    this.field = field;
    this.offset = offset;
  }

  private static String describe(String field, int offset, String problem) {
    return "wire frame field '" + field + "' at byte " + offset + ": " + problem;
  }

  /** The field that could not be read, for example {@code agents[3].factors[0].codes}. */
  public String field() {
    return field;
  }

  /** The byte offset in the frame where the field starts. */
  public int offset() {
    return offset;
  }
}
