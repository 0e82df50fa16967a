/** Tests of the wire format's primitives (varints, text, tokens) and of the per-factor belief row layouts. */
package io.freeagentics.wire.internal;
