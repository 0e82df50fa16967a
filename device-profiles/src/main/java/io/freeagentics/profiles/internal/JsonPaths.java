package io.freeagentics.profiles.internal;

/** Builds JSON paths in the {@code $.field[index]} form used in problem reports. */
final class JsonPaths {
    static final String ROOT = "$";

    private JsonPaths() {
    }

    static String field(String parent, String name) {
        if (name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
