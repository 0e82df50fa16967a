/**
 * Implementation of the embedded broker: the HiveMQ configuration files, the broker's lifecycle inside its own
 * process, the child's classpath and the parent's reading of the child's output. Not API.
 */
package io.freeagentics.broker.internal;
