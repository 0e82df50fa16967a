package io.freeagentics.profiles;

import io.freeagentics.profiles.internal.BuiltInProfiles;
import io.freeagentics.profiles.internal.ProfileLoader;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds and loads device profiles: the built-in ones shipped in this jar, or a user's own file. Every profile is
 * validated against the JSON Schema and the semantic rules before it is returned.
 */
public final class DeviceProfiles {
    private DeviceProfiles() {
    }

    /**
     * The built-in profile with this id.
     *
     * @throws UnknownProfileException if there is none; its message lists the built-in ids
     */
    public static DeviceProfile builtIn(String id) throws UnknownProfileException {
        Checks.notNull(id, "id");
        return BuiltInProfiles.get(id);
    }

    /** Ids of the built-in profiles, in a stable order. */
    public static List<String> builtInIds() {
        return BuiltInProfiles.IDS;
    }

    /**
     * Reads and validates a profile file.
     *
     * @throws ProfileReadException       if the file cannot be read
     * @throws ProfileValidationException if its content is invalid (all problems listed)
     */
    public static DeviceProfile read(Path file) throws ProfileException {
        Checks.notNull(file, "file");
        return ProfileLoader.load(file);
    }

    /**
     * Validates profile JSON given as bytes, e.g. received over the wire.
     *
     * @param sourceName names the origin in problem reports
     * @throws ProfileValidationException if the content is invalid (all problems listed)
     */
    public static DeviceProfile parse(String sourceName, byte[] json) throws ProfileValidationException {
        Checks.notNull(sourceName, "sourceName");
        Checks.notNull(json, "json");
        return ProfileLoader.load(sourceName, json);
    }
}
