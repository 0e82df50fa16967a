package io.freeagentics.profiles;

import java.util.List;

/**
 * The JVM flags that hold the runtime to the board's memory budget, with the sizes read from them.
 *
 * @param flags                  launch options in order, one token each
 * @param rssBudgetMb            target resident set size of the whole process, MiB
 * @param maxHeapBytes           value of {@code -Xmx}
 * @param maxMetaspaceBytes      value of {@code -XX:MaxMetaspaceSize}
 * @param reservedCodeCacheBytes value of {@code -XX:ReservedCodeCacheSize}
 * @param threadStackBytes       value of {@code -Xss}
 * @param garbageCollector       the selected collector, e.g. {@code SerialGC}
 * @param c1Only                 true when {@code -XX:TieredStopAtLevel=1} (or lower) leaves the Vector API uncompiled
 * @param notes                  why these flags
 */
public record JvmOptions(List<String> flags, int rssBudgetMb, long maxHeapBytes, long maxMetaspaceBytes,
                         long reservedCodeCacheBytes, long threadStackBytes, String garbageCollector,
                         boolean c1Only, String notes) {
    public JvmOptions {
        flags = List.copyOf(Checks.notNull(flags, "flags"));
        Checks.atLeast(rssBudgetMb, 1, "rssBudgetMb");
        Checks.notBlank(garbageCollector, "garbageCollector");
        Checks.notNull(notes, "notes");
        if (maxHeapBytes <= 0 || maxMetaspaceBytes <= 0 || reservedCodeCacheBytes <= 0 || threadStackBytes <= 0) {
            throw new IllegalArgumentException("JVM sizes must be positive, got heap=" + maxHeapBytes
                    + " metaspace=" + maxMetaspaceBytes + " codeCache=" + reservedCodeCacheBytes
                    + " stack=" + threadStackBytes);
        }
    }

    /** The flags joined with spaces, ready for a launcher script's JAVA_OPTS. */
    public String commandLine() {
        return String.join(" ", flags);
    }
}
