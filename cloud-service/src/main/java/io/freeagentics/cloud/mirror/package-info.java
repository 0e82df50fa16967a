/**
 * The full-precision mirror of every edge agent: for each model, float {@link io.freeagentics.population.Population}s
 * whose agents are set from the beliefs devices sync (after the ingest stored them), so the cloud can read an
 * agent's beliefs without a database query and compute with the agent's own model, for example what it expects to
 * observe next. A device's model is the one it acknowledged through a model update, else the configured one
 * ({@link io.freeagentics.cloud.mirror.TwinMirrorModels}). Derived state: rebuilt from the synced beliefs, never a
 * source of truth.
 */
package io.freeagentics.cloud.mirror;
