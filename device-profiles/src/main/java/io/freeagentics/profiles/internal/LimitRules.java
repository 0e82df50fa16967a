package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Orderings between scalar limits: tick min <= max, active draw >= idle draw. */
final class LimitRules implements ProfileRule {
    @Override
    public void check(JsonNode root, ProblemSink sink) {
        JsonNode tick = JsonValues.child(root, "tickMs");
        OptionalInt min = JsonValues.intField(tick, "min");
        OptionalInt max = JsonValues.intField(tick, "max");
        if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
            sink.add("$.tickMs.min", JsonValues.child(tick, "min"), "tick-min-le-max",
                    "tickMs.min (" + min.getAsInt() + ") must be <= tickMs.max (" + max.getAsInt() + ")");
        }
        JsonNode power = JsonValues.child(root, "power");
        OptionalDouble idle = JsonValues.numberField(power, "idleDrawMa");
        OptionalDouble active = JsonValues.numberField(power, "activeDrawMa");
        if (idle.isPresent() && active.isPresent() && active.getAsDouble() < idle.getAsDouble()) {
            sink.add("$.power.activeDrawMa", JsonValues.child(power, "activeDrawMa"), "active-draw-ge-idle",
                    "power.activeDrawMa (" + active.getAsDouble() + " mA) must be >= power.idleDrawMa ("
                            + idle.getAsDouble() + " mA)");
        }
    }
}
