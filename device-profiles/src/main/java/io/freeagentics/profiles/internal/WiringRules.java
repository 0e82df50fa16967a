package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Physical wiring: names unique, each GPIO pin used once, I2C-1's pins (GPIO 2 and 3) left to the bus when it is
 * used, each I2C register read by one sensor, PWM only on hardware PWM pins, each Pi4J provider of the right kind
 * for its bus, and mock providers not mixed with hardware ones.
 */
final class WiringRules implements ProfileRule {
    private static final Set<Integer> I2C1_PINS = Set.of(2, 3);
    private static final Set<Integer> HARDWARE_PWM_PINS = Set.of(12, 13, 18, 19);
    private static final String MOCK_PREFIX = "mock-";

    @Override
    public void check(JsonNode root, ProblemSink sink) {
        JsonNode sensors = JsonValues.arrayField(root, "sensors");
        JsonNode actuators = JsonValues.arrayField(root, "actuators");
        Map<String, String> names = new HashMap<>();
        Map<Integer, String> pins = new HashMap<>();
        Map<String, String> registers = new HashMap<>();
        boolean usesI2c1 = false;
        for (JsonNode s : sensors) {
            usesI2c1 |= "i2c".equals(JsonValues.textField(s, "bus").orElse(""))
                    && JsonValues.intField(s, "i2cBus").orElse(-1) == 1;
        }
        for (int i = 0; i < sensors.size(); i++) {
            JsonNode s = sensors.get(i);
            String path = JsonPaths.index("$.sensors", i);
            checkName(s, path, names, sink);
            String bus = JsonValues.textField(s, "bus").orElse("");
            if (bus.equals("gpio")) {
                checkPin(s, path, pins, usesI2c1, sink);
                checkProvider(s, path, "-digital-input", sink);
            } else if (bus.equals("i2c")) {
                checkRegister(s, path, registers, sink);
                checkProvider(s, path, "-i2c", sink);
            }
        }
        for (int i = 0; i < actuators.size(); i++) {
            JsonNode a = actuators.get(i);
            String path = JsonPaths.index("$.actuators", i);
            checkName(a, path, names, sink);
            checkPin(a, path, pins, usesI2c1, sink);
            String kind = JsonValues.textField(a, "kind").orElse("");
            if (kind.equals("gpio")) {
                checkProvider(a, path, "-digital-output", sink);
            } else if (kind.equals("pwm")) {
                checkProvider(a, path, "-pwm", sink);
                OptionalInt pin = JsonValues.intField(a, "pin");
                if (pin.isPresent() && !HARDWARE_PWM_PINS.contains(pin.getAsInt())) {
                    sink.add(path + ".pin", a.get("pin"), "pwm-hardware-pin",
                            "PWM needs a hardware PWM pin (BCM 12, 13, 18 or 19), got " + pin.getAsInt());
                }
            }
        }
        checkPlatform(List.of(sensors, actuators), List.of("$.sensors", "$.actuators"), sink);
    }

    private static void checkName(JsonNode mapping, String path, Map<String, String> names, ProblemSink sink) {
        Optional<String> name = JsonValues.textField(mapping, "name");
        if (name.isPresent()) {
            String first = names.putIfAbsent(name.get(), path);
            if (first != null) {
                sink.add(path + ".name", mapping.get("name"), "unique-name",
                        "name '" + name.get() + "' is already used by " + first);
            }
        }
    }

    private static void checkPin(JsonNode mapping, String path, Map<Integer, String> pins, boolean usesI2c1,
                                 ProblemSink sink) {
        OptionalInt pin = JsonValues.intField(mapping, "pin");
        if (pin.isEmpty()) {
            return;
        }
        String first = pins.putIfAbsent(pin.getAsInt(), path);
        if (first != null) {
            sink.add(path + ".pin", mapping.get("pin"), "unique-pin",
                    "GPIO " + pin.getAsInt() + " is already used by " + first);
        }
        if (usesI2c1 && I2C1_PINS.contains(pin.getAsInt())) {
            sink.add(path + ".pin", mapping.get("pin"), "i2c-pins-reserved",
                    "GPIO " + pin.getAsInt() + " is SDA/SCL of I2C bus 1, which a sensor of this profile uses");
        }
    }

    private static void checkRegister(JsonNode sensor, String path, Map<String, String> registers, ProblemSink sink) {
        OptionalInt bus = JsonValues.intField(sensor, "i2cBus");
        OptionalInt device = JsonValues.intField(sensor, "device");
        if (bus.isEmpty() || device.isEmpty()) {
            return;
        }
        int register = JsonValues.intField(sensor, "register").orElse(-1);
        String key = bus.getAsInt() + "/" + device.getAsInt() + "/" + register;
        String first = registers.putIfAbsent(key, path);
        if (first != null) {
            sink.add(path + ".device", sensor.get("device"), "unique-i2c-register",
                    String.format("I2C bus %d device 0x%02x %s is already read by %s", bus.getAsInt(),
                            device.getAsInt(), register < 0 ? "(no register)" : "register " + register, first));
        }
    }

    private static void checkProvider(JsonNode mapping, String path, String suffix, ProblemSink sink) {
        Optional<String> provider = JsonValues.textField(mapping, "provider");
        if (provider.isPresent() && !provider.get().endsWith(suffix)) {
            sink.add(path + ".provider", mapping.get("provider"), "provider-matches-bus",
                    "the Pi4J provider for this mapping must be a *" + suffix + " provider, got " + provider.get());
        }
    }

    private static void checkPlatform(List<JsonNode> groups, List<String> groupPaths, ProblemSink sink) {
        Boolean firstIsMock = null;
        String firstPath = null;
        for (int g = 0; g < groups.size(); g++) {
            JsonNode group = groups.get(g);
            for (int i = 0; i < group.size(); i++) {
                Optional<String> provider = JsonValues.textField(group.get(i), "provider");
                if (provider.isEmpty()) {
                    continue;
                }
                String path = JsonPaths.index(groupPaths.get(g), i) + ".provider";
                boolean mock = provider.get().startsWith(MOCK_PREFIX);
                if (firstIsMock == null) {
                    firstIsMock = mock;
                    firstPath = path;
                } else if (mock != firstIsMock) {
                    sink.add(path, group.get(i).get("provider"), "provider-platform",
                            "mock and hardware Pi4J providers are mixed: " + firstPath + " is "
                                    + (firstIsMock ? "a mock" : "a hardware") + " provider");
                }
            }
        }
    }
}
