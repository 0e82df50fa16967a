package io.freeagentics.edge;

import io.freeagentics.cli.ProductVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fa edge}: the edge runtime's command line. {@code run} starts the runtime as a device does, {@code fleet}
 * hosts many simulated devices in one JVM,
 * {@code battery-sim} compares battery life with and without tick throttling, {@code jvm-flags} prints a profile's
 * JVM flags for the launcher.
 */
@Command(name = "fa edge", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    subcommands = {EdgeRunCommand.class, EdgeFleetCommand.class, EdgeBatterySimCommand.class,
        EdgeJvmFlagsCommand.class},
    description = "The on-device runtime: agents, sensors and actuators, a crash-safe local store, power-aware ticks.")
public final class EdgeMain implements Runnable {
  /** picocli's system property: regular expressions (comma-separated) of built-in converter types to skip. */
  static final String CONVERTER_EXCLUDES_PROPERTY = "picocli.converters.excludes";
  /** The built-in converter types no edge option uses. */
  static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*,java\\.net\\..*";

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("fleet")) {
      // A host of hundreds of devices: their per-device start, connect and stop lines would drown the host's own
      // progress. Warnings and errors still show. Set before the first logger exists (slf4j-simple reads it once).
      quietUnlessSet("org.slf4j.simpleLogger.log.io.freeagentics.edge", "warn");
      quietUnlessSet("org.slf4j.simpleLogger.log.io.freeagentics.edge.EdgeFleetHost", "info");
    }
    // picocli registers converters for java.time, java.sql and java.net.NetworkInterface by reflection (loading and
    // initialising those classes, java.sql.DriverManager's driver scan included) although no edge option has such a
    // type: about 70 classes and 0.9 MB RSS (docs/edge-runtime.md, Footprint). Path, the one reflective type the
    // options use, stays.
    quietUnlessSet(CONVERTER_EXCLUDES_PROPERTY, UNUSED_CONVERTERS);
    System.exit(new CommandLine(new EdgeMain()).execute(args));
  }

  private static void quietUnlessSet(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: run, fleet, battery-sim or jvm-flags");
  }
}
