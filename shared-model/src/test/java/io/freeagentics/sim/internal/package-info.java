/** Tests of the simulated worlds' sampling. */
package io.freeagentics.sim.internal;
