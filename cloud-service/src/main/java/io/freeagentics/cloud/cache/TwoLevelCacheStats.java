package io.freeagentics.cloud.cache;

/**
 * Counters of one cache since it was created.
 *
 * @param name                  the cache name
 * @param l1Size                entries in L1 now (estimate)
 * @param l1Hits                reads answered by L1
 * @param l2Hits                reads answered by Redis
 * @param loads                 reads that ran the loader
 * @param l2Errors              Redis operations that failed (the read or invalidation went on without Redis)
 * @param decodeErrors          Redis values the codec could not decode (reloaded)
 * @param invalidationsSent     keys invalidated in Redis and broadcast (a whole-cache invalidation counts one)
 * @param invalidationsReceived keys (or whole-cache invalidations) received from other instances
 * @param pendingInvalidations  invalidations waiting for Redis to come back; -1 = the whole cache
 * @param l2Available           whether Redis is reachable now (false = serving from L1 and the loader only)
 */
public record TwoLevelCacheStats(String name, long l1Size, long l1Hits, long l2Hits, long loads, long l2Errors,
                                 long decodeErrors, long invalidationsSent, long invalidationsReceived,
                                 int pendingInvalidations, boolean l2Available) {
}
