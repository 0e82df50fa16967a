/**
 * Implementation of the population engine: the model compiled to float tables, the struct-of-arrays agent store,
 * the per-block kernels (plain Java and Vector API, agents in lanes), the single-agent double-precision inference,
 * the counter-based random numbers and the worker pool. Vector API types appear only in classes whose names start
 * with {@code Vector}, which are loaded only when the vector kernels are chosen.
 */
package io.freeagentics.population.internal;
