package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.freeagentics.profiles.ProfileProblem;
import io.freeagentics.profiles.ProfileValidationException;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found in one profile document, so all of them can be reported at once. */
public final class ProblemSink {
    static final String MISSING = "<missing>";
    private static final int MAX_VALUE_CHARS = 120;

    private final String file;
    private final List<ProfileProblem> problems = new ArrayList<>();

    public ProblemSink(String file) {
        this.file = file;
    }

    /** Records a problem at a JSON path; {@code value} may be null when the element is absent. */
    public void add(String path, JsonNode value, String rule, String message) {
        addRendered(path, render(value), rule, message);
    }

    /** Records a problem whose value is already rendered as text. */
    public void addRendered(String path, String value, String rule, String message) {
        problems.add(new ProfileProblem(file, path, value, rule, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<ProfileProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws the validation exception if anything was recorded. */
    public void throwIfAny() throws ProfileValidationException {
        if (!problems.isEmpty()) {
            throw new ProfileValidationException(file, problems);
        }
    }

    static String render(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return MISSING;
        }
        String text = value.toString();
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
