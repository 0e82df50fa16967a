package io.freeagentics.model;

/**
 * Bad external input to the shared model: a model, trace or message that cannot be read or does not make
 * sense. Checked, because callers hold input they did not write and must decide what to do with it; programming
 * errors are reported with unchecked exceptions instead.
 */
public class ModelInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelInputException(String message) {
    super(message);
  }

  public ModelInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
