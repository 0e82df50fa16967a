package io.freeagentics.profiles;

/**
 * One thing wrong with a profile.
 *
 * @param file    the file or resource the profile came from
 * @param path    JSON path of the offending element, e.g. {@code $.tickMs.min} ({@code $} for the whole document)
 * @param value   the offending value as JSON text (shortened), or {@code <missing>}
 * @param rule    the rule broken: a JSON Schema keyword ({@code schema:required}) or a semantic rule name
 * @param message what is wrong, for people
 */
public record ProfileProblem(String file, String path, String value, String rule, String message) {
    public ProfileProblem {
        Checks.notNull(file, "file");
        Checks.notBlank(path, "path");
        Checks.notNull(value, "value");
        Checks.notBlank(rule, "rule");
        Checks.notBlank(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + path + " = " + value + " [" + rule + "] " + message;
    }
}
