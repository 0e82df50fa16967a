package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.freeagentics.profiles.BrokenBuiltInProfileException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Validates a profile document against {@code profile.schema.json} (draft 2020-12), compiled once. */
final class SchemaCheck {
    static final String SCHEMA_RESOURCE = "/io/freeagentics/profiles/profile.schema.json";
    /** Rule name reported when the validator itself throws; tests assert it never occurs. */
    static final String SCHEMA_ENGINE_FAILURE = "schema-engine-failure";

    private SchemaCheck() {
    }

    private static final class Holder {
        static final Schema SCHEMA = compile();
    }

    /** Records one problem per schema violation. */
    static void check(JsonNode root, ProblemSink sink) {
        List<Error> errors;
        try {
            errors = Holder.SCHEMA.validate(root);
        } catch (RuntimeException validatorFailure) {
            // A validator crash on hostile input is still bad input: report it, with the cause, as a problem.
            sink.add(JsonPaths.ROOT, null, SCHEMA_ENGINE_FAILURE, "the JSON Schema validator failed on this document: "
                    + validatorFailure);
            return;
        }
        for (Error error : errors) {
            String path = path(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                // Point at the absent member itself rather than at the object that lacks it.
                sink.add(JsonPaths.field(path, error.getProperty()), null, "schema:required", error.getMessage());
            } else {
                sink.add(path, error.getInstanceNode(), "schema:" + error.getKeyword(), error.getMessage());
            }
        }
    }

    /** The JSON text of the schema, as shipped in the jar. */
    static JsonNode schemaDocument() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new BrokenBuiltInProfileException("resource " + SCHEMA_RESOURCE + " is missing from the jar", null);
            }
            return JsonDocument.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new BrokenBuiltInProfileException("resource " + SCHEMA_RESOURCE + " cannot be read", e);
        }
    }

    private static Schema compile() {
        JsonNode schema = schemaDocument();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    }

    private static String path(NodePath location) {
        String path = JsonPaths.ROOT;
        if (location == null) {
            return path;
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? JsonPaths.index(path, index)
                    : JsonPaths.field(path, String.valueOf(element));
        }
        return path;
    }
}
