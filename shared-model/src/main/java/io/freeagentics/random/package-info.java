/** Counter-based random numbers: reproducible per agent and step, whatever the threads or the order of work. */
package io.freeagentics.random;
