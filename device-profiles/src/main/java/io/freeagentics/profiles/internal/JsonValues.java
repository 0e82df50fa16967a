package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Tolerant readers for the semantic rules: they run even when the schema already failed, so a value of the wrong
 * type or out of range is simply absent here (the schema reports it).
 */
final class JsonValues {
    private JsonValues() {
    }

    static JsonNode child(JsonNode parent, String field) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        return parent.get(field);
    }

    static OptionalInt intValue(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
            return OptionalInt.of(node.intValue());
        }
        return OptionalInt.empty();
    }

    static OptionalInt intField(JsonNode parent, String field) {
        return intValue(child(parent, field));
    }

    static OptionalDouble numberValue(JsonNode node) {
        if (node != null && node.isNumber() && Double.isFinite(node.doubleValue())) {
            return OptionalDouble.of(node.doubleValue());
        }
        return OptionalDouble.empty();
    }

    static OptionalDouble numberField(JsonNode parent, String field) {
        return numberValue(child(parent, field));
    }

    static Optional<String> textField(JsonNode parent, String field) {
        JsonNode node = child(parent, field);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** The array at the field, or an empty array node when absent or not an array. */
    static JsonNode arrayField(JsonNode parent, String field) {
        JsonNode node = child(parent, field);
        return node != null && node.isArray() ? node : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
}
