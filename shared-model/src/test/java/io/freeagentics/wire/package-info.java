/**
 * Tests of the wire format: round trips of every message, belief quantisation error, delta reconstruction, the
 * snapshot-or-delta choice, hostile and damaged frames, and the payload size of realistic belief batches.
 */
package io.freeagentics.wire;
