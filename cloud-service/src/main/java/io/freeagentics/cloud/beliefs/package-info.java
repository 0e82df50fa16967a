/**
 * The read side of the synced beliefs: the latest beliefs of each agent of a device, and an agent's history over a
 * tick range, decoded to probabilities. The ingest ({@code io.freeagentics.cloud.ingest}) writes them; the REST API
 * reads them through {@link io.freeagentics.cloud.beliefs.BeliefQueries}. Read queries are read-only transactions,
 * so they go to the read replica when one is configured.
 *
 * <p>{@link io.freeagentics.cloud.beliefs.CachedBeliefQueries} caches the latest beliefs of each device and complete
 * history pages in the two-level cache ({@code io.freeagentics.cloud.cache}); the ingest drops a device's latest
 * on every instance through {@link io.freeagentics.cloud.beliefs.BeliefCacheInvalidation} before it acknowledges
 * the message. Settings: {@link io.freeagentics.cloud.beliefs.BeliefCacheConfig}; semantics: docs/cloud-cache.md.
 */
package io.freeagentics.cloud.beliefs;
