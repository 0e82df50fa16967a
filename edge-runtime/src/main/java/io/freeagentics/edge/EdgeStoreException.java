package io.freeagentics.edge;

/**
 * The edge state store could not read or write its database file (disk full, I/O error, a file that is not an
 * SQLite database, a schema newer than this program). Checked: the file is external input.
 */
public final class EdgeStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  public EdgeStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public EdgeStoreException(String message) {
    super(message);
  }
}
