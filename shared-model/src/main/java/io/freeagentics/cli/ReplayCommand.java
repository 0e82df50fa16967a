package io.freeagentics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.trace.QuantityError;
import io.freeagentics.trace.ReplayReport;
import io.freeagentics.trace.Trace;
import io.freeagentics.trace.TraceReader;
import io.freeagentics.trace.TraceReplayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fa replay}: replays pymdp reference traces through the reference engine and reports the errors. */
@Command(name = "fa replay", mixinStandardHelpOptions = true, versionProvider = ProductVersion.class, sortOptions = false,
    description = {
        "Replays pymdp reference traces through the double-precision reference engine and prints, per "
            + "quantity (qs, q_pi, neg_efe, p_action, vfe, final pA/pB), the largest error.",
        "Probabilities are held to an absolute tolerance; neg_efe, vfe and Dirichlet counts to a relative one, "
            + "|x - y| / max(|y|, 1e-6)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every trace matches", "1:a trace does not match", "2:bad arguments or unreadable trace"})
public final class ReplayCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "1..*", paramLabel = "TRACE",
      description = "Trace files in the format of shared/fixtures/pymdp/README.md, or folders of them.")
  private List<Path> inputs;

  @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-9",
      description = "Tolerance, absolute for probabilities and relative otherwise (default: ${DEFAULT-VALUE}).")
  private double tolerance;

  @Option(names = "--json", description = "Print one JSON object per trace instead of a table.")
  private boolean json;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReplayCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> traces;
    try {
      traces = expand(inputs);
    } catch (IOException e) {
      err.println("fa replay: " + e.getMessage());
      return 2;
    }
    TraceReplayer replayer = new TraceReplayer(tolerance);
    int status = 0;
    for (Path file : traces) {
      try {
        Trace trace = TraceReader.read(file);
        ReplayReport report = replayer.replay(trace);
        out.println(json ? toJson(file, report) : toTable(file, report));
        if (!report.passed()) {
          status = Math.max(status, 1);
        }
      } catch (ModelInputException e) {
        err.println("fa replay: " + e.getMessage());
        status = 2;
      } catch (IllegalArgumentException e) {
        err.println("fa replay: " + file + ": the trace does not fit its model: " + e.getMessage());
        status = 2;
      }
      out.flush();
    }
    return status;
  }

  private static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> listing = Files.list(input)) {
          listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new IOException("no such trace file or folder: " + input);
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no .json trace in " + inputs);
    }
    return files;
  }

  private static String toTable(Path file, ReplayReport report) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%s  %s (%d steps): %s%n", report.passed() ? "PASS" : "FAIL",
        report.traceName(), report.steps(), file));
    for (QuantityError error : report.errors()) {
      text.append(String.format(Locale.ROOT, "  %-9s %-8s max %s error %.3e (tolerance %.0e)%s%s%n",
          error.quantity(), error.passed() ? "ok" : "MISMATCH", error.relative() ? "rel" : "abs", error.error(),
          error.tolerance(), error.step() >= 0 ? " at step " + error.step() : "",
          error.detail().isEmpty() ? "" : ": " + error.detail()));
    }
    return text.toString().stripTrailing();
  }

  private static String toJson(Path file, ReplayReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("trace", report.traceName());
    root.put("file", file.toString());
    root.put("steps", report.steps());
    root.put("passed", report.passed());
    ObjectNode errors = root.putObject("errors");
    for (QuantityError error : report.errors()) {
      ObjectNode node = errors.putObject(error.quantity());
      if (Double.isFinite(error.error())) {
        node.put("max_error", error.error());
      } else {
        node.putNull("max_error");
      }
      node.put("relative", error.relative());
      node.put("tolerance", error.tolerance());
      node.put("step", error.step());
      node.put("passed", error.passed());
      if (!error.detail().isEmpty()) {
        node.put("detail", error.detail());
      }
    }
    return root.toString();
  }
}
