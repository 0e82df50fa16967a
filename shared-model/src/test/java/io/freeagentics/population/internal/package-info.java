/** Tests of the population engine's internals: the float mathematics, random numbers, policy tree, matrices. */
package io.freeagentics.population.internal;
