package io.freeagentics.population.internal;

/**
 * The entry point to the Vector API kernels. Other classes reach them only through these methods, whose signatures
 * mention no Vector API type, so that {@code jdk.incubator.vector} classes are loaded only when the vector path is
 * chosen and the plain-Java path works without the module.
 */
final class VectorKernels {
  private VectorKernels() {}

  /** Float lanes of the preferred vector species. */
  static int preferredLanes() {
    return VectorLaneKernel.preferredLanes();
  }

  /** A new vector kernel (one per worker) for {@code model}. */
  static LaneKernel create(CompiledModel model) {
    return new VectorLaneKernel(model);
  }
}
