package io.freeagentics.profiles;

import java.util.List;

/** A profile's content is invalid: carries every problem found, not just the first. */
public final class ProfileValidationException extends ProfileException {
    private static final long serialVersionUID = 1L;

    private final transient List<ProfileProblem> problems;

    public ProfileValidationException(String file, List<ProfileProblem> problems) {
        super(describe(file, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty for " + file);
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order of the checks. */
    public List<ProfileProblem> problems() {
        return problems;
    }

    private static String describe(String file, List<ProfileProblem> problems) {
        StringBuilder text = new StringBuilder("invalid device profile ").append(file).append(": ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (ProfileProblem p : problems) {
            text.append(System.lineSeparator()).append("  ").append(p.path()).append(" = ").append(p.value())
                    .append(" [").append(p.rule()).append("] ").append(p.message());
        }
        return text.toString();
    }
}
