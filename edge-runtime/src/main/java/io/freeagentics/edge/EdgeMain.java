package io.freeagentics.edge;

import io.freeagentics.cli.ProductVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fa edge}: the edge runtime's command line. {@code run} starts the runtime as a device does,
 * {@code battery-sim} compares battery life with and without tick throttling, {@code jvm-flags} prints a profile's
 * JVM flags for the launcher.
 */
@Command(name = "fa edge", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    subcommands = {EdgeRunCommand.class, EdgeBatterySimCommand.class, EdgeJvmFlagsCommand.class},
    description = "The on-device runtime: agents, sensors and actuators, a crash-safe local store, power-aware ticks.")
public final class EdgeMain implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EdgeMain()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: run, battery-sim or jvm-flags");
  }
}
