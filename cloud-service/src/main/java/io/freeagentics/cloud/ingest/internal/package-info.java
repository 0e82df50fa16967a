/**
 * The ingest's implementation: MQTT consumers with manual acknowledgements, the bounded queue and batch writer, the
 * deduplication window, delta bases, the belief tables' SQL, the acknowledgement and command publisher.
 */
package io.freeagentics.cloud.ingest.internal;
