package io.freeagentics.edge;

/**
 * The edge state store could not read or write its database file (disk full, I/O error, a file that is not an
 * SQLite database, a schema newer than this program). Checked: the file is external input.
 *
 * <p>{@link #kind()} says whether the failure is one the device can ride out: a full disk (or database size limit)
 * or an I/O error while writing leaves the database as it was before the failed transaction, so the caller may
 * keep running and try again; anything else is {@link Kind#FAILURE}.
 */
public final class EdgeStoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is. */
  public enum Kind {
    /** The disk or the database's size limit is full ({@code SQLITE_FULL}); the transaction was rolled back. */
    STORAGE_FULL,
    /** SQLite reported an I/O error ({@code SQLITE_IOERR_*}); the transaction was rolled back. */
    IO_ERROR,
    /** Anything else: a corrupt or unreadable file, a schema problem, a programming error. */
    FAILURE
  }

  private final Kind kind;

  public EdgeStoreException(String message, Throwable cause, Kind kind) {
    super(message, cause);
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null (" + message + ")");
    }
    this.kind = kind;
  }

  public EdgeStoreException(String message, Throwable cause) {
    this(message, cause, Kind.FAILURE);
  }

  public EdgeStoreException(String message) {
    this(message, null, Kind.FAILURE);
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the device can keep running: the storage was full or failed to write, nothing committed was lost. */
  public boolean isTransient() {
    return kind != Kind.FAILURE;
  }
}
