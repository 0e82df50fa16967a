package io.freeagentics.broker;

import io.freeagentics.broker.internal.BrokerClasspath;
import io.freeagentics.broker.internal.ChildOutput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running embedded MQTT broker in its own JVM ({@code java -cp <broker classpath> io.freeagentics.broker.BrokerMain
 * --exit-on-stdin-close ...}), for the zero-configuration demo and for tests: the cloud service and the demo start
 * it with {@link #start(int, Path, Path)}, connect to {@link #uri()} and {@link #close()} it when done.
 *
 * <p>Why a child process: HiveMQ brings its own Netty, Jackson, Guava, RocksDB and logback, which must not meet
 * Micronaut's on one classpath. This class uses only the JDK, so a module can depend on mqtt-broker without the
 * broker's libraries (they are optional dependencies there); the child's classpath is found as described in
 * docs/mqtt-broker.md (system property {@code fa.broker.classpath}, env {@code FA_BROKER_CLASSPATH}, else the list
 * the mqtt-broker build records next to its classes).
 *
 * <p>The child watches its standard input: when this JVM closes it, or dies, the broker stops, so it never outlives
 * its parent. Thread-safe.
 */
public final class EmbeddedBrokerProcess implements AutoCloseable {

  /** The broker process's main class. */
  public static final String MAIN_CLASS = "io.freeagentics.broker.BrokerMain";

  private final Process process;
  private final URI uri;
  private final EmbeddedBrokerSettings settings;

  private EmbeddedBrokerProcess(Process process, URI uri, EmbeddedBrokerSettings settings) {
    this.process = process;
    this.uri = uri;
    this.settings = settings;
  }

  /**
   * Starts a broker on 127.0.0.1:{@code port} (0 = a free port) with its data in {@code dataDir} and its output
   * appended to {@code logFile}, and returns once it accepts connections.
   *
   * @throws BrokerStartException when the classpath is missing, the port is taken or the broker does not become
   *                              ready in time; the message ends with the broker's last output lines
   */
  public static EmbeddedBrokerProcess start(int port, Path dataDir, Path logFile) throws BrokerStartException {
    return start(EmbeddedBrokerSettings.of(port, dataDir, logFile));
  }

  /** Starts a broker as {@code settings} say; see {@link #start(int, Path, Path)}. */
  public static EmbeddedBrokerProcess start(EmbeddedBrokerSettings settings) throws BrokerStartException {
    Objects.requireNonNull(settings, "settings");
    String classpath;
    try {
      classpath = BrokerClasspath.resolve();
    } catch (IOException e) {
      throw new BrokerStartException(e.getMessage(), e);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(settings.jvmOptions());
    command.addAll(List.of("-cp", classpath, MAIN_CLASS, "--exit-on-stdin-close",
        "--host", settings.host(), "--port", Integer.toString(settings.port()),
        "--data", settings.dataDir().toAbsolutePath().toString(),
        "--persistence", settings.persistence().name(),
        "--start-timeout", settings.startTimeout().toString()));
    Process process;
    ChildOutput output;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new BrokerStartException("cannot start the broker JVM " + command.get(0) + ": " + e.getMessage(), e);
    }
    try {
      output = ChildOutput.follow(process.getInputStream(), settings.logFile(), "fa-broker-output-" + process.pid());
    } catch (IOException e) {
      process.destroyForcibly();
      throw new BrokerStartException("cannot write the broker's log file " + settings.logFile() + ": "
          + e.getMessage(), e);
    }
    try {
      // A little longer than the child's own start timeout, which then reports its failure itself.
      URI uri = output.ready().get(settings.startTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
      return new EmbeddedBrokerProcess(process, uri, settings);
    } catch (ExecutionException e) {
      throw failed(process, output, settings, e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw failed(process, output, settings, "not ready within " + settings.startTimeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(process, output, settings, "interrupted while waiting for it", e);
    }
  }

  private static BrokerStartException failed(Process process, ChildOutput output, EmbeddedBrokerSettings settings,
                                             String why, Throwable cause) {
    process.destroyForcibly();
    return new BrokerStartException("the embedded MQTT broker on " + settings.host() + ":" + settings.port()
        + " did not start: " + why + " (log " + settings.logFile() + "; last lines:\n  "
        + String.join("\n  ", output.tail()) + ")", cause);
  }

  /** The broker's address for MQTT clients, e.g. {@code tcp://127.0.0.1:43127}. */
  public URI uri() {
    return uri;
  }

  /** The port the broker listens on (the chosen one when started with port 0). */
  public int port() {
    return uri.getPort();
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the child is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the broker: closes its standard input (it then stops HiveMQ cleanly, flushing its persistence), waits up
   * to the stop timeout, then terminates it (SIGTERM, also a clean stop) and finally kills it. Idempotent.
   */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The child's stdin is already gone: it is stopping or stopped; the waits below settle it.
      System.getLogger(EmbeddedBrokerProcess.class.getName())
          .log(System.Logger.Level.DEBUG, "closing the broker's stdin: " + e.getMessage());
    }
    long stopMillis = settings.stopTimeout().toMillis();
    try {
      if (!process.waitFor(stopMillis, TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(stopMillis, TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "EmbeddedBrokerProcess[" + uri + ", pid " + process.pid() + "]";
  }
}
