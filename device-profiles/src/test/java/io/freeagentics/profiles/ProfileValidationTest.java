package io.freeagentics.profiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ProfileValidationTest {

    /** A profile broken in many independent ways; every one of them must be reported. */
    private static ObjectNode badProfile() {
        ObjectNode p = ProfileJson.builtInTree("rpi-4b-2gb");
        p.remove("engine");                                                  // schema: required
        p.put("ramMb", "lots");                                              // schema: type
        ((ObjectNode) p.get("tickMs")).put("min", 5000).put("max", 100);     // tick-min-le-max
        ((ObjectNode) p.get("power")).put("activeDrawMa", 100);              // active-draw-ge-idle
        ArrayNode flags = (ArrayNode) p.get("jvm").get("flags");
        flags.set(2, p.textNode("-Xmx4g"));                                  // heap vs RAM (RAM unreadable here)
        flags.add("-XX:+UseG1GC");                                           // jvm-one-gc
        flags.add("-Xss12q");                                                // jvm-size-syntax + duplicate
        ObjectNode motion = (ObjectNode) p.get("sensors").get(2);
        motion.put("pin", 27);                                               // unique-pin: the pump, read later, is on 27
        motion.put("modality", 3);                                           // modality-contiguous
        ObjectNode light = (ObjectNode) p.get("sensors").get(1);
        light.put("provider", "linuxfs-pwm");                                // provider-matches-bus
        ((ArrayNode) light.get("coding").get("thresholds")).add(50);         // coding-outcomes + ascending
        ((ObjectNode) p.get("actuators").get(1)).put("pin", 21);             // pwm-hardware-pin
        return p;
    }

    @Test
    void reportsEveryProblemWithFilePathValueAndRule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad-board.json");
        Files.write(file, ProfileJson.bytes(badProfile()));

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.read(file));

        assertThat(e).isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        assertThat(e.problems()).extracting(ProfileProblem::path, ProfileProblem::value, ProfileProblem::rule)
                .contains(
                        tuple("$.engine", "<missing>", "schema:required"),
                        tuple("$.ramMb", "\"lots\"", "schema:type"),
                        tuple("$.tickMs.min", "5000", "tick-min-le-max"),
                        tuple("$.power.activeDrawMa", "100", "active-draw-ge-idle"),
                        tuple("$.jvm.flags[7]", "\"-XX:+UseG1GC\"", "jvm-one-gc"),
                        tuple("$.jvm.flags[8]", "\"-Xss12q\"", "jvm-size-syntax"),
                        tuple("$.jvm.flags[8]", "\"-Xss12q\"", "jvm-flag-duplicate"),
                        tuple("$.actuators[0].pin", "27", "unique-pin"),
                        tuple("$.sensors[1].provider", "\"linuxfs-pwm\"", "provider-matches-bus"),
                        tuple("$.sensors[1].outcomes", "2", "coding-outcomes"),
                        tuple("$.sensors[1].coding.thresholds[1]", "50", "thresholds-ascending"),
                        tuple("$.actuators[1].pin", "21", "pwm-hardware-pin"));
        assertThat(e.problems()).filteredOn(p -> p.rule().equals("modality-contiguous")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("modality 2 is missing"));
        assertThat(e.getMessage()).contains("bad-board.json").contains(e.problems().size() + " problems")
                .contains("$.tickMs.min = 5000 [tick-min-le-max]");
    }

    @Test
    void checksTheMemoryBudgetAgainstRam() {
        ObjectNode p = ProfileJson.builtInTree("rpi-zero-2w");
        ArrayNode flags = (ArrayNode) p.get("jvm").get("flags");
        flags.set(2, p.textNode("-Xmx512m"));
        flags.set(1, p.textNode("-Xms1g"));
        ((ObjectNode) p.get("jvm")).put("rssBudgetMb", 600);

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("zero.json", ProfileJson.bytes(p)));

        assertThat(e.problems()).extracting(ProfileProblem::path, ProfileProblem::rule).contains(
                tuple("$.jvm.flags[2]", "jvm-heap-below-ram"),
                tuple("$.jvm.flags[1]", "jvm-xms-le-xmx"),
                tuple("$.jvm.rssBudgetMb", "jvm-budget-below-ram"));
    }

    @Test
    void capsOutsideTheBudgetAndMissingC1WarningAreReported() {
        ObjectNode p = ProfileJson.builtInTree("rpi-zero-2w");
        ((ObjectNode) p.get("jvm")).put("rssBudgetMb", 30).put("notes", "small");

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("zero.json", ProfileJson.bytes(p)));

        assertThat(e.problems()).extracting(ProfileProblem::path, ProfileProblem::rule).containsExactlyInAnyOrder(
                tuple("$.jvm.rssBudgetMb", "jvm-caps-within-budget"),
                tuple("$.jvm.notes", "jvm-c1-vector-note"));
    }

    @Test
    void requiresTheVectorModuleAndOneCollector() {
        ObjectNode p = ProfileJson.builtInTree("rpi-5");
        ArrayNode flags = (ArrayNode) p.get("jvm").get("flags");
        flags.remove(flags.size() - 1);
        flags.remove(0);

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("pi5.json", ProfileJson.bytes(p)));

        assertThat(e.problems()).extracting(ProfileProblem::rule)
                .containsExactlyInAnyOrder("jvm-vector-module", "jvm-one-gc");
    }

    @Test
    void sensorsSharingAModalityMustAgreeOnOutcomesAndI2cPinsStayFree() {
        ObjectNode p = ProfileJson.builtInTree("rpi-3b-plus");
        ObjectNode light = (ObjectNode) p.get("sensors").get(1);
        light.put("modality", 0);
        ((ObjectNode) p.get("actuators").get(0)).put("pin", 2);
        ((ObjectNode) p.get("actuators").get(0)).put("name", "motion");

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("3bplus.json", ProfileJson.bytes(p)));

        assertThat(e.problems()).extracting(ProfileProblem::path, ProfileProblem::rule).contains(
                tuple("$.sensors[1].outcomes", "modality-outcomes-consistent"),
                tuple("$.sensors", "modality-contiguous"),
                tuple("$.actuators[0].pin", "i2c-pins-reserved"),
                tuple("$.actuators[0].name", "unique-name"));
    }

    @Test
    void mockAndHardwareProvidersMustNotBeMixed() {
        ObjectNode p = ProfileJson.builtInTree("sim");
        ((ObjectNode) p.get("actuators").get(0)).put("provider", "gpiod-digital-output");

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("sim.json", ProfileJson.bytes(p)));

        assertThat(e.problems()).extracting(ProfileProblem::path, ProfileProblem::rule)
                .containsExactly(tuple("$.actuators[0].provider", "provider-platform"));
    }

    @Test
    void unknownMembersAndWrongBusFieldsAreSchemaErrors() {
        ObjectNode p = ProfileJson.builtInTree("cm4");
        p.put("colour", "green");
        ((ObjectNode) p.get("sensors").get(2)).put("device", 72);

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("cm4.json", ProfileJson.bytes(p)));

        assertThat(e.problems()).extracting(ProfileProblem::rule).contains("schema:additionalProperties",
                "schema:unevaluatedProperties");
    }

    @Test
    void truncatedJsonIsOneSyntaxProblem() {
        byte[] whole = ProfileJson.bytes(ProfileJson.builtInTree("sim"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        ProfileValidationException e = catchThrowableOfType(ProfileValidationException.class,
                () -> DeviceProfiles.parse("cut.json", cut));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.rule()).isEqualTo("json-syntax");
            assertThat(p.message()).contains("line");
        });
    }

    @Test
    void duplicateKeysAndTrailingContentAreRejected() {
        byte[] duplicate = "{\"id\":\"a\",\"id\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        byte[] trailing = "{} {}".getBytes(StandardCharsets.UTF_8);

        for (byte[] bytes : List.of(duplicate, trailing, new byte[0])) {
            assertThatThrownBy(() -> DeviceProfiles.parse("x.json", bytes))
                    .isInstanceOfSatisfying(ProfileValidationException.class, e -> assertThat(e.problems())
                            .singleElement().extracting(ProfileProblem::rule).isEqualTo("json-syntax"));
        }
    }

    @Test
    void aMissingFileIsAReadError(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.json");

        assertThatThrownBy(() -> DeviceProfiles.read(missing))
                .isInstanceOf(ProfileReadException.class)
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("nothing.json");
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(1 << 20) + 1]);

        assertThatThrownBy(() -> DeviceProfiles.read(big))
                .isInstanceOf(ProfileReadException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void argumentsAreCheckedAtTheBoundary() {
        assertThatThrownBy(() -> DeviceProfiles.builtIn(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> DeviceProfiles.parse("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("json");
        assertThatThrownBy(() -> new TickBounds(10, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMs");
    }
}
