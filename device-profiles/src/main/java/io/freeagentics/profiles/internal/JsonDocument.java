package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Strict JSON parsing of a profile document: duplicate keys and trailing content are errors; non-integral numbers
 * are kept exact as BigDecimal.
 */
final class JsonDocument {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Keep 1e400 a finite BigDecimal instead of an infinite double, which the schema validator cannot
            // compare (it converts numbers to BigDecimal).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonDocument() {
    }

    /** The parsed tree, or null after recording a problem when the bytes are not one JSON document. */
    static JsonNode parse(byte[] bytes, ProblemSink sink) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                sink.addRendered(JsonPaths.ROOT, ProblemSink.MISSING, "json-syntax", "the document is empty");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            sink.addRendered(JsonPaths.ROOT, "<not JSON>", "json-syntax",
                    "not valid JSON" + where + ": " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            sink.addRendered(JsonPaths.ROOT, "<not JSON>", "json-syntax", "not readable as JSON: " + e.getMessage());
            return null;
        }
    }
}
