/**
 * The wire format's implementation: bounded frame reading and writing (varints, strings, tokens), the frame header
 * and checksum, the message bodies and the per-factor belief rows. Every read is checked against the bytes left
 * before anything is allocated from it.
 */
package io.freeagentics.wire.internal;
