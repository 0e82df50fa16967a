package io.freeagentics.population.internal;

import io.freeagentics.jvm.JvmCapabilities;
import io.freeagentics.population.KernelPreference;
import java.util.Locale;
import java.util.function.Function;

/**
 * Decides between the plain-Java and the Vector API kernels from the configured preference, the system property
 * {@value #PROPERTY} (which overrides {@link KernelPreference#AUTO}) and what the JVM offers ({@link
 * JvmCapabilities}): vector kernels need the {@code jdk.incubator.vector} module, C2 (they run 10-60x slower than
 * plain loops under C1 or the interpreter) and vectors of at least {@value #MIN_VECTOR_LANES} floats.
 */
final class KernelChoice {
  static final String PROPERTY = "fa.kernel";
  static final int MIN_VECTOR_LANES = 4;

  final boolean vector;
  final int lanes;
  private final Function<CompiledModel, LaneKernel> factory;

  private KernelChoice(boolean vector, int lanes, Function<CompiledModel, LaneKernel> factory) {
    this.vector = vector;
    this.lanes = lanes;
    this.factory = factory;
  }

  /** A new kernel instance for one worker. */
  LaneKernel newKernel(CompiledModel model) {
    return factory.apply(model);
  }

  static KernelChoice choose(KernelPreference preference) {
    switch (preference) {
      case SCALAR:
        return scalar("requested");
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
          return scalar(PROPERTY + "=scalar");
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
      return scalar("no jdk.incubator.vector module");
    }
    if (!JvmCapabilities.C2) {
      return scalar(JvmCapabilities.COMPILER_NOTE);
    }
    int lanes = VectorKernels.preferredLanes();
    if (lanes < MIN_VECTOR_LANES) {
      return scalar("vectors of " + lanes + " floats");
    }
    return new KernelChoice(true, lanes, VectorKernels::create);
  }

  private static KernelChoice scalar(String reason) {
    return new KernelChoice(false, ScalarLaneKernel.LANES, model -> new ScalarLaneKernel(model, reason));
  }

  private static KernelChoice vector(String requestedBy) {
    if (!JvmCapabilities.VECTOR_MODULE) {
      throw new IllegalStateException(requestedBy + " asks for the vector kernels, but the jdk.incubator.vector "
          + "module is not available; start the JVM with --add-modules jdk.incubator.vector");
    }
    return new KernelChoice(true, VectorKernels.preferredLanes(), VectorKernels::create);
  }
}
