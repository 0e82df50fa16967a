/** Tests of the edge runtime's internals: blob codecs. */
package io.freeagentics.edge.internal;
