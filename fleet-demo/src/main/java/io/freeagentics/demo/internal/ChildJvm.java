package io.freeagentics.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Java child process of the demo (a fleet host or the broker): started with the parent's JVM, a classpath and a
 * main class. Its standard error goes to a log file; each standard output line is handed to a listener and logged
 * too. {@link #kill()} is a {@code kill -9}; {@link #stop} asks politely (SIGTERM) first.
 */
public final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Thread reader;

  private ChildJvm(String name, Process process, Thread reader) {
    this.name = name;
    this.process = process;
    this.reader = reader;
  }

  /**
   * Starts {@code mainClass} with {@code jvmOptions} and {@code args}; standard error is appended to {@code log},
   * and every line of standard output goes to {@code lines} (on a reader thread) and to the log.
   */
  public static ChildJvm start(String name, String classpath, List<String> jvmOptions, String mainClass,
      List<String> args, Path log, Consumer<String> lines) throws IOException {
    if (classpath == null || classpath.isBlank()) {
      throw new IllegalArgumentException("classpath of " + name + " must not be blank");
    }
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "1");
    Process process = builder.start();
    Thread reader = new Thread(() -> pump(process, log, lines), name + "-out");
    reader.setDaemon(true);
    reader.start();
    return new ChildJvm(name, process, reader);
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Closes the process's standard input without waiting: a child that watches its input (the fleet host's
   * {@code --watch-stdin}) stops cleanly in its own time ({@link #await}) and exits with status 0.
   */
  public void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** SIGKILL: the process gets no chance to clean up, as when a device loses power. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, then waits up to {@code timeoutMillis} for a clean exit, then SIGKILL. Returns the exit code. */
  public int stop(long timeoutMillis) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    reader.join(2000);
    return process.exitValue();
  }

  /** Waits for the process to exit on its own; returns its exit code, or -1 when it still runs after the wait. */
  public int await(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      return -1;
    }
    reader.join(2000);
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop(5000);
    }
  }

  /** The java binary running this JVM, so children run on the same JDK. */
  static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString());
  }

  private static void pump(Process process, Path log, Consumer<String> lines) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        out.flush();
        lines.accept(line);
      }
    } catch (IOException e) {
      // The process was killed while its output was read: the stream ends with it. What it wrote before is in
      // the log; the demo notices the death itself (isAlive).
      org.slf4j.LoggerFactory.getLogger(ChildJvm.class).debug("output of {} ended: {}", log, e.getMessage());
    }
  }
}
