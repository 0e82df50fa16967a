package io.freeagentics.profiles;

/**
 * A resource shipped inside this module (the schema or a built-in profile) is missing or invalid: a build defect,
 * not bad user input, so unchecked.
 */
public final class BrokenBuiltInProfileException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BrokenBuiltInProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
