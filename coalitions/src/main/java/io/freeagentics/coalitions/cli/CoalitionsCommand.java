package io.freeagentics.coalitions.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fa coalitions}: benchmarks and quality measurement of coalition formation on H3 (docs/coalitions.md). */
@Command(name = "fa coalitions", mixinStandardHelpOptions = true, version = "fa coalitions 0.1.0",
    subcommands = {CoalitionsBenchCommand.class, CoalitionsQualityCommand.class},
    description = {
        "Coalition formation on H3: agents near each other with compatible goals and complementary capabilities "
            + "grouped by greedy agglomeration (docs/coalitions.md)."})
public final class CoalitionsCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CoalitionsCommand()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
