/**
 * The fleet's cloud service (Micronaut 4): it ingests what devices sync over MQTT, keeps their twins and the
 * full-precision mirror of every edge agent, and serves the REST API and the console.
 */
package io.freeagentics.cloud;
