/** Tests of trace reading and replay against the pymdp reference traces. */
package io.freeagentics.trace;
