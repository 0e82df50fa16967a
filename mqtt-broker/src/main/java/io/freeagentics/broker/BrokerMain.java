package io.freeagentics.broker;

import io.freeagentics.broker.internal.BrokerProtocol;
import io.freeagentics.broker.internal.HiveMqBroker;
import io.freeagentics.broker.internal.PortCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./fa broker}: runs the embedded MQTT broker (HiveMQ CE, MQTT 3.1.1 and 5, shared subscriptions, file
 * persistence) in this JVM until SIGTERM / Ctrl-C, or until standard input closes when
 * {@code --exit-on-stdin-close} is given (how {@link EmbeddedBrokerProcess} ties the broker to its parent).
 * Prints {@code fa-broker ready tcp://HOST:PORT} once the broker accepts connections.
 */
@Command(name = "fa broker", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the embedded MQTT broker (HiveMQ CE: MQTT 3.1.1 and 5, QoS 0-2, retained messages, last"
        + " will, shared subscriptions $share/GROUP/TOPIC, sessions and retained messages persisted in --data"
        + " unless --persistence memory).",
        "Prints 'fa-broker ready tcp://HOST:PORT' once it accepts connections; stops cleanly on Ctrl-C/SIGTERM.",
        "No authentication: for the local demo and tests. Per-device credentials are Mosquitto's job"
            + " (docs/mqtt-broker.md)."})
public final class BrokerMain implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
  String host;

  @Option(names = "--port", defaultValue = "1883", paramLabel = "PORT",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port, printed in the ready line)")
  int port;

  @Option(names = "--data", defaultValue = "${env:FA_BROKER_DATA:-.fa/broker}", paramLabel = "DIR",
      description = "folder for HiveMQ's configuration and persistence, created if missing (default: env"
          + " FA_BROKER_DATA, else .fa/broker; ./fa uses the repository's .fa/broker): ${DEFAULT-VALUE}."
          + " A restart with the same folder keeps sessions and retained messages")
  Path data;

  @Option(names = "--persistence", defaultValue = "FILE", paramLabel = "file|memory",
      description = "file: sessions and retained messages on disk in --data, kept across restarts (start ~7 s,"
          + " ~180 MB); memory: lost at stop (start ~2.4 s, ~100 MB). Default: ${DEFAULT-VALUE}")
  BrokerPersistence persistence;

  @Option(names = "--start-timeout", defaultValue = "PT60S", paramLabel = "DURATION",
      description = "give up when the broker does not accept connections within this ISO-8601 duration"
          + " (default: ${DEFAULT-VALUE})")
  Duration startTimeout;

  @Option(names = "--exit-on-stdin-close",
      description = "stop when standard input reaches its end (used by the launcher: the broker never outlives"
          + " the JVM that started it)")
  boolean exitOnStdinClose;

  /** Counted down never: the main thread parks on it while the broker runs, until the JVM exits. */
  private final CountDownLatch running = new CountDownLatch(1);
  private volatile boolean started;

  /** Entry point; exit status 0 after a clean stop, 1 when the broker cannot start, 2 on bad arguments. */
  public static void main(String[] args) throws InterruptedException {
    BrokerMain app = new BrokerMain();
    int status = new CommandLine(app).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (!app.started) {
      System.exit(status);
    }
    // The broker runs until SIGTERM / Ctrl-C or the end of stdin: each exits the JVM through the shutdown hook.
    app.running.await();
  }

  @Override
  public Integer call() {
    PrintWriter out = new PrintWriter(System.out, true);
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--port must be in 0..65535, got " + port);
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--start-timeout must be positive, got " + startTimeout);
    }
    long startNanos = System.nanoTime();
    HiveMqBroker broker;
    int boundPort;
    try {
      boundPort = PortCheck.freePort(host, port);
      broker = HiveMqBroker.start(host, boundPort, data.toAbsolutePath(), persistence, startTimeout);
    } catch (IOException e) {
      out.println(BrokerProtocol.FAILED_PREFIX + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        broker.close();
        out.println("fa-broker stopped");
      } catch (IOException e) {
        out.println("fa-broker: " + e.getMessage());
      }
    }, "fa-broker-shutdown"));
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    out.println(BrokerProtocol.READY_PREFIX + "tcp://" + uriHost(host) + ":" + boundPort
        + " (HiveMQ CE, " + persistence.name().toLowerCase(java.util.Locale.ROOT) + " persistence, data "
        + data.toAbsolutePath() + ", started in " + millis + " ms)");
    started = true;
    if (exitOnStdinClose) {
      watchStdin();
    }
    return 0;
  }

  private static String uriHost(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** Exits (running the shutdown hook) when standard input ends: the parent closed it or died. */
  private static void watchStdin() {
    Thread watcher = new Thread(() -> {
      byte[] buffer = new byte[256];
      try (InputStream in = System.in) {
        while (in.read(buffer) >= 0) {
          // Input is ignored; only its end matters.
        }
      } catch (IOException e) {
        System.out.println("fa-broker: standard input failed (" + e.getMessage() + "), stopping");
      }
      System.exit(0);
    }, "fa-broker-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }
}
