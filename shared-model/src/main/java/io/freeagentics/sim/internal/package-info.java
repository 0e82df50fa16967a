/** Implementation of the simulated worlds: drawing rows from the columns of A, B and D. */
package io.freeagentics.sim.internal;
