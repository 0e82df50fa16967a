package io.freeagentics.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * What the running JVM offers the kernels, read once at class initialisation: whether the optimising compiler (C2)
 * will compile hot code (the Vector API is 10-60x slower than plain loops without it), whether the hardware has
 * fused multiply-add, and whether the {@code jdk.incubator.vector} module is present. Reading these touches no
 * Vector API class. Shared by every engine that picks between Vector API and plain-Java kernels.
 */
public final class JvmCapabilities {
  /** The optimising compiler is enabled (not interpreter-only, not stopped at C1 tiers). */
  public static final boolean C2;
  /** Why {@link #C2} is false, or empty. */
  public static final String COMPILER_NOTE;
  /** The JVM uses hardware FMA instructions ({@code -XX:+UseFMA}). */
  public static final boolean FMA;
  /** The {@code jdk.incubator.vector} module is resolved in the boot layer. */
  public static final boolean VECTOR_MODULE;

  static {
    Optional<HotSpotDiagnosticMXBean> diagnostics = diagnostics();
    String vmInfo = System.getProperty("java.vm.info", "");
    String note = "";
    if (vmInfo.contains("interpreted")) {
      note = "interpreter only";
    } else if (!option(diagnostics, "UseCompiler").map(Boolean::parseBoolean).orElse(true)) {
      note = "compiler disabled";
    } else if (option(diagnostics, "TieredCompilation").map(Boolean::parseBoolean).orElse(true)
        && option(diagnostics, "TieredStopAtLevel").map(Integer::parseInt).orElse(4) < 4) {
      note = "C1-only JIT";
    } else if (option(diagnostics, "UseJVMCICompiler").map(Boolean::parseBoolean).orElse(false)) {
      note = "JVMCI compiler";
    }
    C2 = note.isEmpty();
    COMPILER_NOTE = note;
    FMA = option(diagnostics, "UseFMA").map(Boolean::parseBoolean).orElse(false);
    VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  private JvmCapabilities() {}

  private static Optional<HotSpotDiagnosticMXBean> diagnostics() {
    try {
      return Optional.ofNullable(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    } catch (LinkageError | IllegalArgumentException unavailable) {
      // Not a HotSpot JVM or no jdk.management module: flags are unknown and the defaults above apply.
      return Optional.empty();
    }
  }

  private static Optional<String> option(Optional<HotSpotDiagnosticMXBean> diagnostics, String name) {
    if (diagnostics.isEmpty()) {
      return Optional.empty();
    }
    try {
      VMOption option = diagnostics.get().getVMOption(name);
      return Optional.of(option.getValue());
    } catch (IllegalArgumentException unknownOption) {
      // This JVM has no such flag (for example UseFMA on a platform without FMA support): treat as unset.
      return Optional.empty();
    }
  }
}
