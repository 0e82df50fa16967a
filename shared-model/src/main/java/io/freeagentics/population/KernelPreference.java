package io.freeagentics.population;

/**
 * Which arithmetic kernels a {@link Population} uses. The vector kernels (Vector API, one agent per lane) are
 * much faster where the JVM compiles them with C2 on wide SIMD hardware and much slower where it does not, so the
 * default chooses at start-up from what the running JVM offers.
 */
public enum KernelPreference {
  /** Vector kernels when the Vector API module is present, C2 is enabled and vectors hold at least 4 floats;
   *  plain Java otherwise. The system property {@code fa.kernel=vector|scalar} overrides the detection. */
  AUTO,
  /** The Vector API kernels; creation fails when the {@code jdk.incubator.vector} module is not available. */
  VECTOR,
  /** Plain Java kernels only; the Vector API classes are never loaded. */
  SCALAR
}
