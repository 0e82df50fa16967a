/**
 * Device profiles: one validated description per board (CPU, RAM, JVM memory budget, agent and tick limits, power
 * model, Pi4J sensor and actuator wiring, inference engine), so the edge runtime can size itself to the hardware it
 * runs on. Entry point: {@link io.freeagentics.profiles.DeviceProfiles}. Profiles are JSON files checked against
 * {@code profile.schema.json} and against rules the schema cannot express; every problem is reported at once in a
 * {@link io.freeagentics.profiles.ProfileValidationException}.
 */
package io.freeagentics.profiles;
