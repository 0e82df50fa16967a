/**
 * The main job, {@code ./fa demo}: the cloud service on embedded defaults and a fleet of simulated edge devices,
 * with optional chaos, ending with an account of what was published, persisted, lost and duplicated.
 */
package io.freeagentics.demo;
