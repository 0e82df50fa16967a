package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A semantic rule the JSON Schema cannot express. Runs on the raw tree even when the schema failed, so it must
 * skip values that are absent or of the wrong type (the schema reports those) and never throw.
 */
interface ProfileRule {
    void check(JsonNode root, ProblemSink sink);
}
