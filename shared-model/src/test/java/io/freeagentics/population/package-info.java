/**
 * Tests of the population engine: agreement with the reference engine on the pymdp traces and on random models,
 * independence of the thread count, incremental processing, history, reset, exact restore from a checkpoint,
 * argument checks, both kernels.
 */
package io.freeagentics.population;
