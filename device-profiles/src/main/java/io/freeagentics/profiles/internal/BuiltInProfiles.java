package io.freeagentics.profiles.internal;

import io.freeagentics.profiles.BrokenBuiltInProfileException;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.ProfileValidationException;
import io.freeagentics.profiles.UnknownProfileException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The profiles shipped in this jar as {@code io/freeagentics/profiles/<id>.json}, validated on first use. */
public final class BuiltInProfiles {
    /** Built-in ids, smallest board first; each has a resource {@code <id>.json}. */
    public static final List<String> IDS = List.of("rpi-zero-2w", "rpi-3b-plus", "rpi-4b-2gb", "rpi-4b-4gb",
            "rpi-4b-8gb", "rpi-5", "cm4", "generic-aarch64", "sim");

    static final String RESOURCE_DIR = "/io/freeagentics/profiles/";

    private static final Map<String, DeviceProfile> CACHE = new ConcurrentHashMap<>();

    private BuiltInProfiles() {
    }

    /** The built-in profile with this id. */
    public static DeviceProfile get(String id) throws UnknownProfileException {
        if (!IDS.contains(id)) {
            throw new UnknownProfileException(id, IDS);
        }
        return CACHE.computeIfAbsent(id, BuiltInProfiles::load);
    }

    private static DeviceProfile load(String id) {
        String resource = RESOURCE_DIR + id + ".json";
        byte[] bytes;
        try (InputStream in = BuiltInProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BrokenBuiltInProfileException("built-in profile resource " + resource + " is missing", null);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new BrokenBuiltInProfileException("built-in profile resource " + resource + " cannot be read", e);
        }
        try {
            return ProfileLoader.load(resource, bytes, List.of(idMatchesFile(id)));
        } catch (ProfileValidationException e) {
            throw new BrokenBuiltInProfileException("built-in profile " + id + " is invalid", e);
        }
    }

    private static ProfileRule idMatchesFile(String expectedId) {
        return (root, sink) -> {
            Optional<String> id = JsonValues.textField(root, "id");
            if (id.isPresent() && !id.get().equals(expectedId)) {
                sink.add("$.id", root.get("id"), "id-matches-file",
                        "a built-in profile's id must equal its file name '" + expectedId + "'");
            }
        };
    }
}
