package io.freeagentics.profiles.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the memory-relevant settings out of a JVM flag list: the sized options (-Xmx, -Xms, -Xss,
 * -XX:MaxMetaspaceSize, -XX:ReservedCodeCacheSize), the GC selection, the tiered-compilation stop level and the
 * Vector API module. Sizes use the JVM's syntax: digits with an optional k, m, g or t suffix (binary multiples).
 */
final class JvmFlags {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Sized options, keyed by the name used in problem messages, with the prefix that introduces them. */
    static final Map<String, String> SIZE_PREFIXES = Map.of(
            "-Xmx", "-Xmx",
            "-Xms", "-Xms",
            "-Xss", "-Xss",
            "MaxMetaspaceSize", "-XX:MaxMetaspaceSize=",
            "ReservedCodeCacheSize", "-XX:ReservedCodeCacheSize=");

    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})([kKmMgGtT]?)");
    private static final Pattern GC = Pattern.compile("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");
    private static final Pattern TIERED_STOP = Pattern.compile("-XX:TieredStopAtLevel=(-?[0-9]{1,9})");

    /** A sized option found at a position of the flag list; bytes empty when its value does not parse. */
    record Sized(String option, int index, String flag, OptionalLong bytes) {
    }

    /** A GC selection flag at a position of the flag list. */
    record GcFlag(int index, String collector) {
    }

    private final Map<String, List<Sized>> sized = new LinkedHashMap<>();
    private final List<GcFlag> collectors = new ArrayList<>();
    private OptionalInt tieredStopAtLevel = OptionalInt.empty();
    private boolean vectorModule;

    private JvmFlags() {
    }

    /** Reads a flag list; null entries (non-text JSON items) are skipped by the caller. */
    static JvmFlags read(List<String> flags) {
        JvmFlags result = new JvmFlags();
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (flag == null) {
                continue;
            }
            result.readOne(flags, i, flag);
        }
        return result;
    }

    private void readOne(List<String> flags, int i, String flag) {
        for (Map.Entry<String, String> entry : SIZE_PREFIXES.entrySet()) {
            if (flag.startsWith(entry.getValue())) {
                String value = flag.substring(entry.getValue().length());
                sized.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(new Sized(entry.getKey(), i, flag, parseSize(value)));
                return;
            }
        }
        Matcher gc = GC.matcher(flag);
        if (gc.matches()) {
            collectors.add(new GcFlag(i, gc.group(1) + "GC"));
            return;
        }
        Matcher tiered = TIERED_STOP.matcher(flag);
        if (tiered.matches()) {
            tieredStopAtLevel = OptionalInt.of(Integer.parseInt(tiered.group(1)));
            return;
        }
        if (flag.equals("--add-modules=" + VECTOR_MODULE)
                || (flag.equals("--add-modules") && i + 1 < flags.size() && VECTOR_MODULE.equals(flags.get(i + 1)))) {
            vectorModule = true;
        }
    }

    /** Bytes for a JVM size such as {@code 64m}; empty when malformed, zero or too large for a long. */
    static OptionalLong parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long multiplier = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> 1L;
        };
        try {
            long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
            return bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty();
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** Every occurrence of each sized option, in flag order. */
    Map<String, List<Sized>> sized() {
        return sized;
    }

    /** Bytes of the single well-formed occurrence of an option, if there is exactly one and it parses. */
    OptionalLong bytes(String option) {
        List<Sized> found = sized.getOrDefault(option, List.of());
        return found.size() == 1 ? found.get(0).bytes() : OptionalLong.empty();
    }

    /** Position of the single occurrence of an option, if exactly one. */
    OptionalInt indexOf(String option) {
        List<Sized> found = sized.getOrDefault(option, List.of());
        return found.size() == 1 ? OptionalInt.of(found.get(0).index()) : OptionalInt.empty();
    }

    List<GcFlag> collectors() {
        return collectors;
    }

    /** True when tiered compilation stops before C2 (levels 0..3), which leaves the Vector API uncompiled. */
    boolean c1Only() {
        return tieredStopAtLevel.isPresent() && tieredStopAtLevel.getAsInt() < 4;
    }

    boolean hasVectorModule() {
        return vectorModule;
    }
}
