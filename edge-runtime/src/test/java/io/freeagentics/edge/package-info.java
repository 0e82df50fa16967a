/**
 * Tests of the edge runtime: state store, tick policy, battery simulation, crash safety, exact restore across
 * restarts, end-to-end runs.
 */
package io.freeagentics.edge;
