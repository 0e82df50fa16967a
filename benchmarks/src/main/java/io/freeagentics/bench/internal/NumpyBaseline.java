package io.freeagentics.bench.internal;

import io.freeagentics.model.GenerativeModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code shared/baselines/numpy_population.py} (the batched NumPy population on the grid world) with the
 * system Python and reads its throughput. The shared folder is the system property {@value #SHARED_DIR_PROPERTY},
 * else a folder {@code shared} next to the repository (found from this code's location or the working directory).
 */
public final class NumpyBaseline {
  public static final String SHARED_DIR_PROPERTY = "fa.shared.dir";
  static final String PYTHON = "/usr/bin/python3";
  static final String SCRIPT = "baselines/numpy_population.py";
  private static final String INSTALL_HINT = "apt-get install -y python3-numpy";
  private static final long TIMEOUT_MINUTES = 15;
  private static final String GRID_PREFIX = "grid:";
  /** The baseline grid world's actions: stay, up, down, left, right. */
  private static final int GRID_ACTIONS = 5;
  private static final Pattern RESULT = Pattern.compile(
      "([0-9.eE+-]+) agent-steps/s \\(belief update ([0-9.eE+-]+) us/agent\\)");

  private final Path script;
  private final String python;

  NumpyBaseline(Path script, String python) {
    this.script = script;
    this.python = python;
  }

  /**
   * The baseline in the shared folder, run with {@value #PYTHON}.
   *
   * @throws BenchSetupException when the script cannot be found
   */
  public static NumpyBaseline locate() throws BenchSetupException {
    return new NumpyBaseline(findScript(), PYTHON);
  }

  /**
   * The side of the grid if {@code model} is a grid world the baseline can run too: named {@code grid:...}, one
   * factor of {@code side * side} cells and the five grid actions; empty otherwise.
   */
  public static OptionalInt gridSide(GenerativeModel model) {
    if (!model.name().startsWith(GRID_PREFIX) || model.numFactors() != 1 || model.numControls(0) != GRID_ACTIONS) {
      return OptionalInt.empty();
    }
    int cells = model.numStates(0);
    int side = (int) Math.round(Math.sqrt(cells));
    return side * side == cells ? OptionalInt.of(side) : OptionalInt.empty();
  }

  /** The script this baseline runs. */
  Path script() {
    return script;
  }

  /**
   * Runs the baseline for a {@code side x side} grid and {@code agents} agents over {@code steps} steps.
   *
   * @throws BenchSetupException when Python or NumPy is missing, or the script fails or prints no result
   */
  public NumpyResult run(int side, int agents, int steps) throws BenchSetupException {
    if (!Files.isExecutable(Path.of(python))) {
      throw new BenchSetupException(python + " is not installed; the NumPy baseline needs it: apt-get install -y "
          + "python3 python3-numpy");
    }
    Execution check = execute(List.of(python, "-c", "import numpy"));
    if (check.exitCode() != 0) {
      throw new BenchSetupException("NumPy is not installed for " + python + " (" + lastLine(check.output())
          + "); install it with: " + INSTALL_HINT);
    }
    List<String> command = List.of(python, script.toString(), Integer.toString(side), Integer.toString(agents),
        Integer.toString(steps));
    Execution execution = execute(command);
    if (execution.exitCode() != 0) {
      throw new BenchSetupException("the NumPy baseline failed with exit code " + execution.exitCode() + ": "
          + String.join(" ", command) + "\n" + execution.output().strip());
    }
    return parse(command, execution.output());
  }

  /** Reads the baseline's result line out of its output. */
  static NumpyResult parse(List<String> command, String output) throws BenchSetupException {
    for (String line : output.split("\\R")) {
      Matcher matcher = RESULT.matcher(line);
      if (matcher.find()) {
        return new NumpyResult(command, Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
            line.strip());
      }
    }
    throw new BenchSetupException("the NumPy baseline printed no result line (\"... X agent-steps/s (belief update "
        + "Y us/agent)\"): " + String.join(" ", command) + "\n" + output.strip());
  }

  private record Execution(int exitCode, String output) {}

  private static Execution execute(List<String> command) throws BenchSetupException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new BenchSetupException("gave up after " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", command));
      }
      return new Execution(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BenchSetupException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchSetupException("interrupted while running " + String.join(" ", command), e);
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\\R");
    return lines[lines.length - 1];
  }

  private static Path findScript() throws BenchSetupException {
    String property = System.getProperty(SHARED_DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      Path script = Path.of(property).resolve(SCRIPT);
      if (!Files.isRegularFile(script)) {
        throw new BenchSetupException("the NumPy baseline is not where -D" + SHARED_DIR_PROPERTY + "=" + property
            + " says: " + script + " does not exist");
      }
      return script;
    }
    List<Path> searched = new ArrayList<>();
    for (Path start : startingPoints()) {
      for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
        Path script = folder.resolve("shared").resolve(SCRIPT);
        searched.add(script);
        if (Files.isRegularFile(script)) {
          return script;
        }
      }
    }
    throw new BenchSetupException("the NumPy baseline " + SCRIPT + " was not found in a folder named shared next "
        + "to the repository (looked for " + searched.size() + " places, e.g. " + searched.get(0) + "); set -D"
        + SHARED_DIR_PROPERTY + "=/path/to/shared");
  }

  private static List<Path> startingPoints() {
    List<Path> starts = new ArrayList<>();
    codeLocation().ifPresent(starts::add);
    starts.add(Path.of("").toAbsolutePath());
    return starts;
  }

  private static Optional<Path> codeLocation() {
    try {
      var source = NumpyBaseline.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a file location (for example a class loaded from a custom loader): search from the working directory.
      return Optional.empty();
    }
  }
}
