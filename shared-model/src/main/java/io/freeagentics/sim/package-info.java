/**
 * Simulated worlds for agents to live in when there is no real environment: the demo, the benchmarks and the
 * edge runtime's simulated board. A world is the model's own generative process: hidden states move with B and
 * outcomes are drawn from A.
 */
package io.freeagentics.sim;
