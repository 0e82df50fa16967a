/** The mirror's implementation: chunked populations per model with a slot per (fleet, device, agent). */
package io.freeagentics.cloud.mirror.internal;
