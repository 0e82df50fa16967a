package io.freeagentics.profiles;

import java.util.List;

/** No built-in profile has the requested id; the message lists the ids that exist. */
public final class UnknownProfileException extends ProfileException {
    private static final long serialVersionUID = 1L;

    private final String requestedId;
    private final List<String> knownIds;

    public UnknownProfileException(String requestedId, List<String> knownIds) {
        super("no built-in device profile '" + requestedId + "'; built-in ids are: " + String.join(", ", knownIds));
        this.requestedId = requestedId;
        this.knownIds = List.copyOf(knownIds);
    }

    /** The id that was asked for. */
    public String requestedId() {
        return requestedId;
    }

    /** The built-in ids. */
    public List<String> knownIds() {
        return knownIds;
    }
}
