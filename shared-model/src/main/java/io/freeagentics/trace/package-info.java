/**
 * Reference traces recorded from pymdp and their replay: reading a trace, running the reference engine through
 * the same observations and actions, and reporting the largest error per recorded quantity.
 */
package io.freeagentics.trace;
