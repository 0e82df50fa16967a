package io.freeagentics.bench.internal;

/** The running JVM, as a report names it: VM name, full version and vendor. */
public final class JvmInfo {
  private JvmInfo() {}

  public static String describe() {
    return System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor")
        + ")";
  }

  /** The feature release, for example 17 or 25. */
  public static int feature() {
    return Runtime.version().feature();
  }
}
