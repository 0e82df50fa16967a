/**
 * Synthetic populations for coalition formation: random agents around a city at a fixed density, moves and
 * changes, used by {@code fa coalitions}, the JMH benchmarks and the tests.
 */
package io.freeagentics.coalitions.workload;
