/**
 * Populations of many Active Inference agents that share one generative model, updated together: the
 * throughput engine of the product. Beliefs of all agents live in one contiguous float array; one call perceives,
 * evaluates every policy, and acts for every agent that received an observation, on several cores, with results
 * that do not depend on the number of threads. The double-precision {@code io.freeagentics.engine.ReferenceAgent}
 * is the oracle these agents agree with.
 */
package io.freeagentics.population;
