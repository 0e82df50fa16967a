/**
 * Implementation of the int8 engine: the compiled tables of a quantized model, the per-agent byte store, the
 * per-thread agent step (belief update in the log domain, policy evaluation, action choice), the arithmetic
 * kernels (plain Java and Vector API, chosen at start-up) and the worker threads.
 */
package io.freeagentics.quant.internal;
