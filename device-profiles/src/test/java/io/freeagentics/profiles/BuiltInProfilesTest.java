package io.freeagentics.profiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BuiltInProfilesTest {
    private static final long MIB = 1L << 20;

    static List<String> ids() {
        return DeviceProfiles.builtInIds();
    }

    @Test
    void listsTheNineBoardsOfTheIssue() {
        assertThat(DeviceProfiles.builtInIds()).containsExactly("rpi-zero-2w", "rpi-3b-plus", "rpi-4b-2gb",
                "rpi-4b-4gb", "rpi-4b-8gb", "rpi-5", "cm4", "generic-aarch64", "sim");
    }

    @Test
    void everyProfileResourceIsListedAndEveryIdHasAResource() throws IOException, URISyntaxException {
        URL schema = DeviceProfiles.class.getResource("/io/freeagentics/profiles/profile.schema.json");
        assertThat(schema).isNotNull();
        Path dir = Path.of(schema.toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> ids = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("profile.schema.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(DeviceProfiles.builtInIds());
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void loadsAndPassesEveryRule(String id) throws Exception {
        DeviceProfile profile = DeviceProfiles.builtIn(id);

        assertThat(profile.id()).isEqualTo(id);
        assertThat(profile.jvm().flags()).contains("--add-modules=jdk.incubator.vector");
        assertThat(profile.jvm().maxHeapBytes()).isLessThan(profile.ramMb() * MIB);
        assertThat(profile.jvm().maxHeapBytes() + profile.jvm().maxMetaspaceBytes()
                + profile.jvm().reservedCodeCacheBytes()).isLessThanOrEqualTo(profile.jvm().rssBudgetMb() * MIB);
        assertThat(profile.tick().minMs()).isLessThanOrEqualTo(profile.tick().maxMs());
        assertThat(profile.power().activeDrawMa()).isGreaterThanOrEqualTo(profile.power().idleDrawMa());
        assertThat(profile.source()).contains("http");
        assertThat(profile.observationOutcomes()).containsExactly(3, 2, 2);
        assertThat(profile.controlActions()).containsExactly(2, 3);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void isTheSameInstanceOnEveryCall(String id) throws Exception {
        assertThat(DeviceProfiles.builtIn(id)).isSameAs(DeviceProfiles.builtIn(id));
    }

    @Test
    void zero2wFitsAFiftyMegabyteProcessWithSerialGcAndWarnsAboutC1() throws Exception {
        DeviceProfile zero = DeviceProfiles.builtIn("rpi-zero-2w");

        assertThat(zero.cpu().cores()).isEqualTo(4);
        assertThat(zero.ramMb()).isEqualTo(512);
        assertThat(zero.jvm().garbageCollector()).isEqualTo("SerialGC");
        assertThat(zero.jvm().rssBudgetMb()).isBetween(40, 50);
        assertThat(zero.jvm().c1Only()).isTrue();
        assertThat(zero.jvm().notes()).contains("Vector API");
        assertThat(zero.engine()).isEqualTo(Engine.INT8);
        assertThat(zero.power().battery()).isPresent();
    }

    @Test
    void simUsesMockProvidersAndASimulatedBattery() throws Exception {
        DeviceProfile sim = DeviceProfiles.builtIn("sim");

        assertThat(sim.cpu().arch()).isEqualTo("amd64");
        assertThat(sim.sensors()).allSatisfy(s -> assertThat(s.provider()).startsWith("mock-"));
        assertThat(sim.actuators()).allSatisfy(a -> assertThat(a.provider()).startsWith("mock-"));
        assertThat(sim.power().battery()).hasValueSatisfying(b -> assertThat(b.simulated()).isTrue());
    }

    @Test
    void batteryLifeFollowsFromCapacityAndDraws() throws Exception {
        PowerModel power = DeviceProfiles.builtIn("sim").power();
        // 2500 mAh x 3.7 V = 9.25 Wh; half busy: 5.0 V x (120 + 0.5 x 230) mA = 1.175 W.
        assertThat(power.batteryLifeHours(0.5)).hasValueSatisfying(h -> assertThat(h).isCloseTo(9.25 / 1.175,
                within(1e-9)));
        assertThat(DeviceProfiles.builtIn("rpi-4b-4gb").power().batteryLifeHours(0.5)).isEmpty();
    }

    @Test
    void mapsReadingsAndActionsThroughTheWiring() throws Exception {
        DeviceProfile pi = DeviceProfiles.builtIn("rpi-4b-4gb");
        SensorMapping soil = pi.sensors().get(0);
        ActuatorMapping lamp = pi.actuators().get(1);

        assertThat(soil.input()).isEqualTo(new SensorInput.I2c(1, 0x48, 0));
        assertThat(soil.coding().outcomeOf(7999)).isZero();
        assertThat(soil.coding().outcomeOf(8000)).isEqualTo(1);
        assertThat(soil.coding().outcomeOf(20000)).isEqualTo(2);
        assertThat(lamp.output()).isEqualTo(new ActuatorOutput.Pwm(18, 1000));
        assertThat(lamp.valueFor(1)).isEqualTo(50.0);
        assertThatThrownBy(() -> lamp.valueFor(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action must be in 0..2");
    }

    @Test
    void unknownIdNamesEveryBuiltInId() {
        assertThatThrownBy(() -> DeviceProfiles.builtIn("rpi-6"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessageContaining("'rpi-6'")
                .hasMessageContaining(String.join(", ", DeviceProfiles.builtInIds()));
    }

    @Test
    void readsAUsersOwnFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-board.json");
        var tree = ProfileJson.builtInTree("generic-aarch64");
        tree.put("id", "my-board");
        Files.write(file, ProfileJson.bytes(tree));

        assertThat(DeviceProfiles.read(file).id()).isEqualTo("my-board");
    }
}
