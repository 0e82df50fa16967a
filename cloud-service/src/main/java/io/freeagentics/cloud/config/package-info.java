/**
 * Typed configuration of the cloud service's store, twins and API: immutable records bound from
 * {@code application.yml}, the environment and system properties, checked with Jakarta constraints when the service
 * starts (every problem of a record is reported at once, naming the property). docs/cloud-service.md lists them.
 */
package io.freeagentics.cloud.config;
