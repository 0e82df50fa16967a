package io.freeagentics.profiles;

/** The inference engine a board runs: quantised int8 (least memory) or float. */
public enum Engine {
    INT8("int8"),
    FLOAT("float");

    private final String jsonName;

    Engine(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in profile files. */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The engine with this profile-file name.
     *
     * @throws IllegalArgumentException if the name is neither {@code int8} nor {@code float}
     */
    public static Engine fromJsonName(String name) {
        for (Engine e : values()) {
            if (e.jsonName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("engine must be int8 or float, got " + name);
    }
}
