package io.freeagentics.cloud.beliefs;

/**
 * Counters of {@link BeliefCacheInvalidation} since it started.
 *
 * @param batches stored batches offered by the ingest
 * @param runs invalidation runs (each one Redis round trip and one channel message for all devices it took)
 * @param devices devices invalidated, summed over runs
 * @param notWaited batches acknowledged before their invalidation finished (a run was slower than the wait)
 * @param failures runs that threw
 * @param runMicros time spent in runs, in microseconds
 */
public record BeliefCacheInvalidationStats(long batches, long runs, long devices, long notWaited, long failures,
    long runMicros) {
}
