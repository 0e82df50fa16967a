/** Tests of the edge runtime's internals: blob codecs, restoring agents from checkpoints. */
package io.freeagentics.edge.internal;
