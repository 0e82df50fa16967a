/**
 * Tests of the harness internals: the simulated environments (moves, walls, observation draws), samplers,
 * percentiles, the driver's use of actions, and the NumPy baseline's error messages and output parsing.
 */
package io.freeagentics.bench.internal;
