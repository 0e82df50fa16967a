/** Tests of the counter-based random numbers. */
package io.freeagentics.random;
