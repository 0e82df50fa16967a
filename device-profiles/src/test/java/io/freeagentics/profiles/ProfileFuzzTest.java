package io.freeagentics.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Mutates built-in profile JSON (deleted members, wrong types, huge numbers, truncation, ...) and checks that
 * loading either succeeds or fails with the module's checked exception, never anything else, and never hangs.
 */
class ProfileFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    /** Rule the loader reports when the JSON Schema library itself throws. */
    private static final String VALIDATOR_CRASH = "schema-engine-failure";

    enum Kind { DELETE, TO_STRING, TO_ARRAY, TO_OBJECT, TO_NULL, TO_BOOLEAN, HUGE_INTEGER, HUGE_DECIMAL, NEGATIVE,
        ZERO, FRACTION, LONG_STRING, DUPLICATE_ITEM, TRUNCATE }

    record Mutation(Kind kind, int where) {
    }

    /** A member or array element of the tree: its container and its name or index. */
    private record Location(JsonNode container, String field, int index) {
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of(DeviceProfiles.builtInIds());
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1_000_000)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 400)
    void mutatedProfilesFailOnlyWithTheModulesCheckedException(@ForAll("ids") String id,
                                                                @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = mutate(ProfileJson.builtInTree(id), mutations);

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                DeviceProfile profile = DeviceProfiles.parse("fuzz.json", bytes);
                assertThat(profile.jvm().maxHeapBytes()).isLessThan(profile.ramMb() * (1L << 20));
                assertThat(profile.tick().minMs()).isLessThanOrEqualTo(profile.tick().maxMs());
            } catch (ProfileValidationException e) {
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("fuzz.json");
                    assertThat(p.path()).startsWith("$");
                    assertThat(p.rule()).as("the schema validator must not crash").isNotEqualTo(VALIDATOR_CRASH);
                });
            }
        });
    }

    @Property(tries = 100)
    void deletingARequiredTopLevelMemberIsAlwaysReported(@ForAll("ids") String id,
                                                         @ForAll @Size(min = 1, max = 12) List<Integer> picks) {
        ObjectNode tree = ProfileJson.builtInTree(id);
        List<String> required = List.of("id", "name", "cpu", "ramMb", "jvm", "maxAgents", "tickMs", "engine",
                "power", "sensors", "actuators", "source");
        List<String> removed = new ArrayList<>();
        for (int pick : picks) {
            String field = required.get(Math.floorMod(pick, required.size()));
            tree.remove(field);
            removed.add("$." + field);
        }

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                DeviceProfiles.parse("fuzz.json", ProfileJson.bytes(tree));
                throw new AssertionError("a profile without " + removed + " was accepted");
            } catch (ProfileValidationException e) {
                assertThat(e.problems()).extracting(ProfileProblem::path).containsAll(removed);
            }
        });
    }

    private static byte[] mutate(ObjectNode tree, List<Mutation> mutations) {
        Integer truncateAt = null;
        for (Mutation m : mutations) {
            if (m.kind() == Kind.TRUNCATE) {
                truncateAt = m.where();
                continue;
            }
            List<Location> locations = new ArrayList<>();
            collect(tree, locations);
            if (!locations.isEmpty()) {
                apply(m.kind(), locations.get(m.where() % locations.size()));
            }
        }
        byte[] bytes = ProfileJson.bytes(tree);
        return truncateAt == null ? bytes : Arrays.copyOf(bytes, truncateAt % bytes.length);
    }

    private static void collect(JsonNode node, List<Location> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                out.add(new Location(node, name, -1));
                collect(node.get(name), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Location(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    private static void apply(Kind kind, Location at) {
        if (kind == Kind.DELETE) {
            if (at.container() instanceof ObjectNode o) {
                o.remove(at.field());
            } else {
                ((ArrayNode) at.container()).remove(at.index());
            }
            return;
        }
        JsonNode current = at.field() != null ? at.container().get(at.field()) : at.container().get(at.index());
        JsonNode replacement = switch (kind) {
            case TO_STRING -> NODES.textNode("not-a-" + current.getNodeType().name().toLowerCase());
            case TO_ARRAY -> NODES.arrayNode().add(current.deepCopy());
            case TO_OBJECT -> NODES.objectNode().set("value", current.deepCopy());
            case TO_NULL -> NODES.nullNode();
            case TO_BOOLEAN -> NODES.booleanNode(true);
            case HUGE_INTEGER -> NODES.numberNode(BigInteger.TEN.pow(40));
            case HUGE_DECIMAL -> NODES.numberNode(new BigDecimal("1e400"));
            case NEGATIVE -> NODES.numberNode(-1);
            case ZERO -> NODES.numberNode(0);
            case FRACTION -> NODES.numberNode(0.5);
            case LONG_STRING -> NODES.textNode("x".repeat(5000));
            case DUPLICATE_ITEM -> current.isArray() && !current.isEmpty()
                    ? ((ArrayNode) current.deepCopy()).add(current.get(0).deepCopy()) : current;
            case DELETE, TRUNCATE -> throw new IllegalStateException("handled above: " + kind);
        };
        if (at.container() instanceof ObjectNode o) {
            o.set(at.field(), replacement);
        } else {
            ((ArrayNode) at.container()).set(at.index(), replacement);
        }
    }
}
