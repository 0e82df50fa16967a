package io.freeagentics.bench.internal;

/** Which engine {@code fa bench} measures. */
public enum EngineKind {
  /** The float population engine, {@code io.freeagentics.population.Population}. */
  POPULATION,
  /** N {@code io.freeagentics.engine.ReferenceAgent} objects: the double-precision oracle, as a baseline. */
  REFERENCE,
  /** The 8-bit population engine, {@code io.freeagentics.quant.Int8Population}. */
  INT8
}
