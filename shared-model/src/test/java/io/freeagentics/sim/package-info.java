/** Tests of the simulated worlds. */
package io.freeagentics.sim;
