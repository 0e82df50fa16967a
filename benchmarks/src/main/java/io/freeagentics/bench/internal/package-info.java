/**
 * Implementation of {@code fa bench}: the engines under test behind one interface, driven through
 * {@code io.freeagentics.sim.SimulatedWorld}; the timed runs (throughput, latency, memory, scaling), the NumPy
 * baseline runner and the report formats.
 */
package io.freeagentics.bench.internal;
