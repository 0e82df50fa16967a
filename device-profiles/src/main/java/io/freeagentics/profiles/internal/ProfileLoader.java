package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.ProfileException;
import io.freeagentics.profiles.ProfileReadException;
import io.freeagentics.profiles.ProfileValidationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads one profile: strict JSON parse, schema validation, every semantic rule (all run, so every problem is
 * reported at once), then binding to records.
 */
public final class ProfileLoader {
    /** Profiles are small; anything bigger is not a profile and is refused before parsing. */
    public static final long MAX_BYTES = 1L << 20;

    private static final List<ProfileRule> RULES =
            List.of(new LimitRules(), new JvmRules(), new WiringRules(), new ModelShapeRules());

    private ProfileLoader() {
    }

    /** Reads and validates a file. */
    public static DeviceProfile load(Path file) throws ProfileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ProfileReadException(file, "file is " + size + " bytes, more than the " + MAX_BYTES
                        + " a profile may have", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProfileReadException(file, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return load(file.toString(), bytes);
    }

    /** Validates a document given as bytes; {@code sourceName} names it in problem reports. */
    public static DeviceProfile load(String sourceName, byte[] bytes) throws ProfileValidationException {
        return load(sourceName, bytes, List.of());
    }

    /** As {@link #load(String, byte[])}, with extra rules (e.g. for built-ins: the id matches the file name). */
    static DeviceProfile load(String sourceName, byte[] bytes, List<ProfileRule> extraRules)
            throws ProfileValidationException {
        ProblemSink sink = new ProblemSink(sourceName);
        if (bytes.length > MAX_BYTES) {
            sink.addRendered(JsonPaths.ROOT, "<" + bytes.length + " bytes>", "size-limit",
                    "a profile may have at most " + MAX_BYTES + " bytes");
            sink.throwIfAny();
        }
        JsonNode root = JsonDocument.parse(bytes, sink);
        if (root == null) {
            sink.throwIfAny();
        }
        SchemaCheck.check(root, sink);
        for (ProfileRule rule : RULES) {
            rule.check(root, sink);
        }
        for (ProfileRule rule : extraRules) {
            rule.check(root, sink);
        }
        sink.throwIfAny();
        return ProfileBinder.bind(root);
    }
}
