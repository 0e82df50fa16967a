/**
 * The events devices report (a sensor or actuator failing, the runtime stopping), as the ingest stored them: listed
 * per device, newest first, and purged after {@code fa.events.retention}. The ingest
 * ({@code io.freeagentics.cloud.ingest}) writes them once per (fleet, device, sequence); the REST API reads them
 * through {@link io.freeagentics.cloud.events.DeviceEvents}.
 */
package io.freeagentics.cloud.events;
