/**
 * {@code fa bench}: the throughput harness of the inference engines. It drives a population (or a crowd of
 * reference agents) through a simulated world whose observations depend on the agents' own actions, and reports
 * perception–action cycles per second, belief updates per second, single-agent latency percentiles and measured
 * memory per agent, optionally next to the NumPy baseline of {@code shared/baselines}.
 */
package io.freeagentics.bench;
