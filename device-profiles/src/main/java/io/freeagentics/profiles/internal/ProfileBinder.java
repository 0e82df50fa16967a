package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.freeagentics.profiles.ActuatorMapping;
import io.freeagentics.profiles.ActuatorOutput;
import io.freeagentics.profiles.Battery;
import io.freeagentics.profiles.CpuSpec;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.Engine;
import io.freeagentics.profiles.JvmOptions;
import io.freeagentics.profiles.OutcomeCoding;
import io.freeagentics.profiles.PowerModel;
import io.freeagentics.profiles.Pull;
import io.freeagentics.profiles.SensorInput;
import io.freeagentics.profiles.SensorMapping;
import io.freeagentics.profiles.TickBounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a document that passed the schema and every rule into the public record tree. */
final class ProfileBinder {
    private ProfileBinder() {
    }

    static DeviceProfile bind(JsonNode root) {
        JsonNode cpu = root.get("cpu");
        JsonNode tick = root.get("tickMs");
        return new DeviceProfile(
                root.get("id").textValue(),
                root.get("name").textValue(),
                new CpuSpec(cpu.get("cores").intValue(), cpu.get("arch").textValue(), cpu.get("description").textValue()),
                root.get("ramMb").intValue(),
                jvm(root.get("jvm")),
                root.get("maxAgents").intValue(),
                new TickBounds(tick.get("min").intValue(), tick.get("max").intValue()),
                Engine.fromJsonName(root.get("engine").textValue()),
                power(root.get("power")),
                sensors(root.get("sensors")),
                actuators(root.get("actuators")),
                root.get("source").textValue());
    }

    private static JvmOptions jvm(JsonNode jvm) {
        List<String> flags = new ArrayList<>();
        jvm.get("flags").forEach(f -> flags.add(f.textValue()));
        JvmFlags read = JvmFlags.read(flags);
        return new JvmOptions(flags, jvm.get("rssBudgetMb").intValue(),
                read.bytes("-Xmx").getAsLong(), read.bytes("MaxMetaspaceSize").getAsLong(),
                read.bytes("ReservedCodeCacheSize").getAsLong(), read.bytes("-Xss").getAsLong(),
                read.collectors().get(0).collector(), read.c1Only(), jvm.get("notes").textValue());
    }

    private static PowerModel power(JsonNode power) {
        JsonNode b = power.get("battery");
        Optional<Battery> battery = b.isNull() ? Optional.empty()
                : Optional.of(new Battery(b.get("capacityMah").intValue(), b.get("voltageV").doubleValue(),
                b.get("simulated").booleanValue()));
        return new PowerModel(power.get("supplyVoltageV").doubleValue(), power.get("idleDrawMa").doubleValue(),
                power.get("activeDrawMa").doubleValue(), battery);
    }

    private static List<SensorMapping> sensors(JsonNode sensors) {
        List<SensorMapping> result = new ArrayList<>();
        for (JsonNode s : sensors) {
            SensorInput input;
            OutcomeCoding coding;
            JsonNode c = s.get("coding");
            if (s.get("bus").textValue().equals("gpio")) {
                input = new SensorInput.Gpio(s.get("pin").intValue(),
                        Pull.valueOf(s.get("pull").textValue().toUpperCase(Locale.ROOT)));
                coding = new OutcomeCoding.Digital(c.get("activeHigh").booleanValue());
            } else {
                JsonNode register = s.get("register");
                input = new SensorInput.I2c(s.get("i2cBus").intValue(), s.get("device").intValue(),
                        register == null ? -1 : register.intValue());
                List<Double> thresholds = new ArrayList<>();
                c.get("thresholds").forEach(t -> thresholds.add(t.doubleValue()));
                coding = new OutcomeCoding.Thresholds(thresholds);
            }
            result.add(new SensorMapping(s.get("name").textValue(), input, s.get("provider").textValue(),
                    s.get("modality").intValue(), s.get("outcomes").intValue(), coding));
        }
        return result;
    }

    private static List<ActuatorMapping> actuators(JsonNode actuators) {
        List<ActuatorMapping> result = new ArrayList<>();
        for (JsonNode a : actuators) {
            int pin = a.get("pin").intValue();
            ActuatorOutput output = a.get("kind").textValue().equals("gpio") ? new ActuatorOutput.Gpio(pin)
                    : new ActuatorOutput.Pwm(pin, a.get("frequencyHz").intValue());
            List<Double> values = new ArrayList<>();
            a.get("values").forEach(v -> values.add(v.doubleValue()));
            result.add(new ActuatorMapping(a.get("name").textValue(), output, a.get("provider").textValue(),
                    a.get("factor").intValue(), values));
        }
        return result;
    }
}
