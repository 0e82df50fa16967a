/**
 * MQTT ingest of what devices sync (beliefs, telemetry, presence, command acknowledgements), deduplicated on
 * (device, sequence), and the down-link of commands.
 */
package io.freeagentics.cloud.ingest;
