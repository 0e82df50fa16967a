/** The reference engine's arithmetic: state inference, expected free energy, learning, action probabilities. */
package io.freeagentics.engine.internal;
