package io.freeagentics.profiles.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JVM flags must set a complete memory budget that fits the board: -Xmx, -Xss, metaspace and code-cache caps
 * each given once and well-formed, exactly one GC, the Vector API module, -Xms <= -Xmx, -Xmx below RAM, the caps
 * within the RSS budget, the budget below RAM, and a warning in the notes when C2 is switched off.
 */
final class JvmRules implements ProfileRule {
    private static final String FLAGS = "$.jvm.flags";
    private static final List<String> REQUIRED = List.of("-Xmx", "-Xss", "MaxMetaspaceSize", "ReservedCodeCacheSize");
    private static final long MIB = 1L << 20;

    @Override
    public void check(JsonNode root, ProblemSink sink) {
        JsonNode jvm = JsonValues.child(root, "jvm");
        JsonNode flagsNode = JsonValues.child(jvm, "flags");
        if (flagsNode == null || !flagsNode.isArray()) {
            return;
        }
        List<String> flags = new ArrayList<>();
        flagsNode.forEach(item -> flags.add(item.isTextual() ? item.textValue() : null));
        JvmFlags read = JvmFlags.read(flags);

        checkSizes(read, flagsNode, sink);
        checkCollector(read, flagsNode, sink);
        if (!read.hasVectorModule()) {
            sink.add(FLAGS, flagsNode, "jvm-vector-module",
                    "jvm.flags must contain --add-modules=" + JvmFlags.VECTOR_MODULE + " (the engines use the Vector API)");
        }
        checkBudget(root, jvm, read, flagsNode, sink);
        if (read.c1Only()) {
            String notes = JsonValues.textField(jvm, "notes").orElse("");
            if (!notes.toLowerCase(Locale.ROOT).contains("vector")) {
                sink.add("$.jvm.notes", JsonValues.child(jvm, "notes"), "jvm-c1-vector-note",
                        "-XX:TieredStopAtLevel below 4 disables C2, which makes Vector API code very slow;"
                                + " jvm.notes must say so (mention 'Vector')");
            }
        }
    }

    private static void checkSizes(JvmFlags read, JsonNode flagsNode, ProblemSink sink) {
        for (String option : REQUIRED) {
            if (read.sized().getOrDefault(option, List.of()).isEmpty()) {
                sink.add(FLAGS, flagsNode, "jvm-flag-required",
                        "jvm.flags must set " + JvmFlags.SIZE_PREFIXES.get(option) + "<size>");
            }
        }
        read.sized().forEach((option, found) -> {
            for (int k = 0; k < found.size(); k++) {
                JvmFlags.Sized s = found.get(k);
                String path = JsonPaths.index(FLAGS, s.index());
                if (s.bytes().isEmpty()) {
                    sink.add(path, flagsNode.get(s.index()), "jvm-size-syntax",
                            s.flag() + " is not a positive JVM size (digits with an optional k, m, g or t suffix)");
                }
                if (k > 0) {
                    sink.add(path, flagsNode.get(s.index()), "jvm-flag-duplicate",
                            JvmFlags.SIZE_PREFIXES.get(option) + " is given more than once (first at "
                                    + JsonPaths.index(FLAGS, found.get(0).index()) + ")");
                }
            }
        });
    }

    private static void checkCollector(JvmFlags read, JsonNode flagsNode, ProblemSink sink) {
        List<JvmFlags.GcFlag> gcs = read.collectors();
        if (gcs.isEmpty()) {
            sink.add(FLAGS, flagsNode, "jvm-one-gc",
                    "jvm.flags must select a garbage collector (-XX:+UseSerialGC, -XX:+UseG1GC, ...)");
        }
        for (int k = 1; k < gcs.size(); k++) {
            sink.add(JsonPaths.index(FLAGS, gcs.get(k).index()), flagsNode.get(gcs.get(k).index()), "jvm-one-gc",
                    "a second garbage collector is selected (first: " + gcs.get(0).collector() + ")");
        }
    }

    private static void checkBudget(JsonNode root, JsonNode jvm, JvmFlags read, JsonNode flagsNode, ProblemSink sink) {
        OptionalInt ramMb = JsonValues.intField(root, "ramMb");
        OptionalInt budgetMb = JsonValues.intField(jvm, "rssBudgetMb");
        OptionalLong xmx = read.bytes("-Xmx");
        OptionalLong xms = read.bytes("-Xms");
        if (xmx.isPresent() && ramMb.isPresent() && xmx.getAsLong() >= ramMb.getAsInt() * MIB) {
            int at = read.indexOf("-Xmx").getAsInt();
            sink.add(JsonPaths.index(FLAGS, at), flagsNode.get(at), "jvm-heap-below-ram",
                    "-Xmx (" + xmx.getAsLong() / MIB + " MiB) must be below ramMb (" + ramMb.getAsInt() + " MiB)");
        }
        if (xmx.isPresent() && xms.isPresent() && xms.getAsLong() > xmx.getAsLong()) {
            int at = read.indexOf("-Xms").getAsInt();
            sink.add(JsonPaths.index(FLAGS, at), flagsNode.get(at), "jvm-xms-le-xmx",
                    "-Xms (" + xms.getAsLong() / MIB + " MiB) must be <= -Xmx (" + xmx.getAsLong() / MIB + " MiB)");
        }
        if (budgetMb.isPresent() && ramMb.isPresent() && budgetMb.getAsInt() >= ramMb.getAsInt()) {
            sink.add("$.jvm.rssBudgetMb", JsonValues.child(jvm, "rssBudgetMb"), "jvm-budget-below-ram",
                    "jvm.rssBudgetMb (" + budgetMb.getAsInt() + ") must be below ramMb (" + ramMb.getAsInt()
                            + "), leaving memory for the OS");
        }
        OptionalLong meta = read.bytes("MaxMetaspaceSize");
        OptionalLong code = read.bytes("ReservedCodeCacheSize");
        if (budgetMb.isPresent() && xmx.isPresent() && meta.isPresent() && code.isPresent()) {
            double capsMb = ((double) xmx.getAsLong() + meta.getAsLong() + code.getAsLong()) / MIB;
            if (capsMb > budgetMb.getAsInt()) {
                sink.add("$.jvm.rssBudgetMb", JsonValues.child(jvm, "rssBudgetMb"), "jvm-caps-within-budget",
                        String.format(Locale.ROOT, "heap + metaspace + code cache caps (%.1f MiB) exceed"
                                + " jvm.rssBudgetMb (%d MiB)", capsMb, budgetMb.getAsInt()));
            }
        }
    }
}
