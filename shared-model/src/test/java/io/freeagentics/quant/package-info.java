/**
 * Tests of the int8 engine: the 8-bit codec's error bounds and robustness (jqwik), the converter's error report,
 * agreement with the float population on the built-in and random models (accuracy thresholds as assertions), the
 * population API, restore from a checkpoint (exact round trip of de-quantized beliefs), memory per agent and both
 * kernels.
 */
package io.freeagentics.quant;
