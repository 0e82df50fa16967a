/**
 * The device registry and device twins: devices register on first contact, their reports (telemetry, presence,
 * command acknowledgements, handed over by the MQTT ingest through {@link io.freeagentics.cloud.ingest.DeviceReports})
 * update the twin's reported state, operators set its desired state with optimistic concurrency, and commands (model
 * updates, profile overrides) go down to devices and record what became of them.
 */
package io.freeagentics.cloud.twin;
