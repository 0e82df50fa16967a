/**
 * The read side of the synced beliefs: the latest beliefs of each agent of a device, and an agent's history over a
 * tick range, decoded to probabilities. The ingest ({@code io.freeagentics.cloud.ingest}) writes them; the REST API
 * reads them through {@link io.freeagentics.cloud.beliefs.BeliefQueries}. Read queries are read-only transactions,
 * so they go to the read replica when one is configured.
 */
package io.freeagentics.cloud.beliefs;
