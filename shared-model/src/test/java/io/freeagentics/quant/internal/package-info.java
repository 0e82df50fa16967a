/** Tests of the int8 engine's internals: the plain-Java and Vector API kernels agree, and the start-up choice. */
package io.freeagentics.quant.internal;
