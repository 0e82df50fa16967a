package io.freeagentics.edge;

/**
 * What a run of the {@link EdgeRuntime} did: the first and last tick it committed ({@code -1} when none), the
 * ticks committed, sensor and actuator errors, the milliseconds from the JVM's start to the first committed tick
 * ({@code -1} when none) and the tick the run resumed after ({@code -1} on a fresh start).
 */
public record EdgeRunSummary(long firstTick, long lastTick, long ticks, long sensorErrors, long actuatorErrors,
    long jvmStartToFirstTickMs, long resumedAfterTick) {}
