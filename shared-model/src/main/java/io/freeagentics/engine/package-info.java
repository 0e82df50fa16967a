/**
 * The double-precision reference engine: one agent computing exactly what pymdp computes, used as the oracle for
 * the population and int8 engines, and for agents that learn their own A and B.
 */
package io.freeagentics.engine;
