package io.freeagentics.profiles;

import java.io.IOException;
import java.nio.file.Path;

/** A profile file could not be read at all (missing, unreadable, too large). */
public final class ProfileReadException extends ProfileException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ProfileReadException(Path file, String reason, IOException cause) {
        super("cannot read device profile " + file + ": " + reason, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
