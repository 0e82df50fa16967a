package io.freeagentics.coalitions.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code fa coalitions} subcommands: hands them picocli's out and err writers and prints their usage
 * errors the same way, so each subcommand holds only its own options and work. Declares no options itself, so the
 * subcommands' --help lists their options in declaration order as before.
 */
abstract class CoalitionsSubcommand implements Callable<Integer> {
  /** Writes the {@code --json} output of the subcommands. */
  static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** The subcommand's work, writing results to {@code out} and progress and errors to {@code err}; the exit code. */
  abstract int run(PrintWriter out, PrintWriter err) throws Exception;

  /** Prints {@code fa coalitions <name>: message} to {@code err} and returns exit code 2 (bad arguments). */
  final int usageError(PrintWriter err, String message) {
    err.println("fa coalitions " + spec.name() + ": " + message);
    return 2;
  }
}
