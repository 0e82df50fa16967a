/**
 * The int8 engine: generative models and populations of agents whose beliefs and parameters are held in 8 bits,
 * for edge devices where memory per agent, not arithmetic, bounds how many agents fit. A {@link
 * io.freeagentics.quant.QuantizedModel} converts a float model and reports the error of every array; an {@link
 * io.freeagentics.quant.Int8Population} runs many agents on it with the API shape of the float population; {@link
 * io.freeagentics.quant.Int8Agreement} measures how often both engines choose the same action. The number format
 * and its error analysis are described in {@code docs/int8-engine.md}.
 */
package io.freeagentics.quant;
