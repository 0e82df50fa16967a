package io.freeagentics.profiles;

/**
 * Base of the checked exceptions of this module: a profile asked for or supplied from outside cannot be used.
 * Subclasses say why (unknown id, unreadable file, invalid content).
 */
public abstract class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    protected ProfileException(String message) {
        super(message);
    }

    protected ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
