/**
 * Implementation of the two-level cache: the L2 store contract, its Redis implementation (Lettuce), the
 * invalidation messages and the invalidations kept while Redis is away. Not API.
 */
package io.freeagentics.cloud.cache.internal;
