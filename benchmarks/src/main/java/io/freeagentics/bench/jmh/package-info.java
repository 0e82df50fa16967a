/**
 * JMH micro-benchmarks of the belief update and the full perception–action step, for the population engine, the
 * reference engine and a plain-Java baseline, on the grid world. Every score is in agent-updates per second: each
 * invocation performs a fixed number of agent updates whatever the population size, declared with
 * {@code @OperationsPerInvocation}, so scores of different sizes and engines compare directly. Run them with
 * {@code ./fa bench jmh [JMH args]}.
 */
package io.freeagentics.bench.jmh;
