package io.freeagentics.quant.internal;

import io.freeagentics.jvm.JvmCapabilities;
import io.freeagentics.population.KernelPreference;
import java.util.Locale;

/**
 * Chooses the plain-Java or the Vector API {@link MatrixKernel} at start-up, by the rules of the float population
 * (with the same capability detection, {@link JvmCapabilities}): the preference, then the system property
 * {@value #PROPERTY} for {@link KernelPreference#AUTO}, then the JVM: vectors need the module, C2 (under C1 or the
 * interpreter they are 10-60x slower than plain loops) and at least {@value #MIN_VECTOR_LANES} floats per vector.
 */
final class KernelSelection {
  static final String PROPERTY = "fa.kernel";
  static final int MIN_VECTOR_LANES = 4;

  private KernelSelection() {}

  static MatrixKernel choose(KernelPreference preference) {
    switch (preference) {
      case SCALAR:
        return new ScalarMatrixKernel("requested");
      case VECTOR:
        return vector("KernelPreference.VECTOR");
      case AUTO:
      default:
        break;
    }
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      switch (property.trim().toLowerCase(Locale.ROOT)) {
        case "scalar":
          return new ScalarMatrixKernel(PROPERTY + "=scalar");
        case "vector":
          return vector(PROPERTY + "=vector");
        case "auto":
          break;
        default:
          throw new IllegalArgumentException(
              "system property " + PROPERTY + " must be vector, scalar or auto but was '" + property + "'");
      }
    }
    if (!JvmCapabilities.VECTOR_MODULE) {
      return new ScalarMatrixKernel("no jdk.incubator.vector module");
    }
    if (!JvmCapabilities.C2) {
      return new ScalarMatrixKernel(JvmCapabilities.COMPILER_NOTE);
    }
    int lanes = VectorMatrixKernel.lanes();
    if (lanes < MIN_VECTOR_LANES) {
      return new ScalarMatrixKernel("vectors of " + lanes + " floats");
    }
    return new VectorMatrixKernel();
  }

  private static MatrixKernel vector(String requestedBy) {
    if (!JvmCapabilities.VECTOR_MODULE) {
      throw new IllegalStateException(requestedBy + " asks for the vector kernels, but the jdk.incubator.vector "
          + "module is not available; start the JVM with --add-modules jdk.incubator.vector");
    }
    return new VectorMatrixKernel();
  }
}
