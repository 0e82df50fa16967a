/**
 * Two-level read cache for twin and query reads: Caffeine in the JVM (L1: bounded, short TTL) in front of Redis
 * (L2: shared by every instance, longer TTL), with invalidation on update that reaches every instance through a
 * Redis pub/sub channel. Redis is optional and may fail at any time: the cache then serves from L1 and the loader
 * alone, flags it ({@link io.freeagentics.cloud.cache.TwoLevelCacheStats#l2Available()}), and picks Redis up again
 * when it comes back. Entry points: {@link io.freeagentics.cloud.cache.TwoLevelCaches#create} and
 * {@link io.freeagentics.cloud.cache.TwoLevelCache}; docs/cloud-cache.md explains the guarantees.
 */
package io.freeagentics.cloud.cache;
