/** Implementation of the read-replica routing: the lazily opened connection that picks its target. */
package io.freeagentics.cloud.store.internal;
