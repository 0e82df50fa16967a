package io.freeagentics.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helper: the built-in profiles' JSON as editable trees and back to bytes. */
final class ProfileJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileJson() {
    }

    static ObjectNode builtInTree(String id) {
        String resource = "/io/freeagentics/profiles/" + id + ".json";
        try (InputStream in = ProfileJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
