package io.freeagentics.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to start the embedded broker process.
 *
 * @param host         address the broker listens on, e.g. {@code 127.0.0.1}
 * @param port         TCP port, 0 = a free port chosen by the broker (read back through
 *                     {@link EmbeddedBrokerProcess#port()})
 * @param dataDir      folder for HiveMQ's configuration and persistence (created if missing); a restart with the
 *                     same folder keeps sessions, queued and retained messages
 * @param logFile      file the broker's output is appended to (its folder is created if missing)
 * @param persistence  {@link BrokerPersistence#FILE} (kept across restarts) or {@link BrokerPersistence#MEMORY}
 *                     (quicker start, smaller; lost at stop)
 * @param jvmOptions   options for the child JVM, e.g. {@link #DEFAULT_JVM_OPTIONS}
 * @param startTimeout how long to wait for the ready line before giving up (and killing the child)
 * @param stopTimeout  how long {@link EmbeddedBrokerProcess#close()} waits for a clean stop before killing it
 */
public record EmbeddedBrokerSettings(String host, int port, Path dataDir, Path logFile,
                                     BrokerPersistence persistence, List<String> jvmOptions,
                                     Duration startTimeout, Duration stopTimeout) {

  /**
   * Child JVM options: a small heap and the serial collector (a local broker for a demo or tests moves little data;
   * measured in docs/mqtt-broker.md).
   */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  /** Checks every argument; the message names the argument and its value. */
  public EmbeddedBrokerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(jvmOptions, "jvmOptions");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
    }
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must not be negative, got " + stopTimeout);
    }
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** Loopback, file persistence, the default JVM options, 60 s to start and 30 s to stop. */
  public static EmbeddedBrokerSettings of(int port, Path dataDir, Path logFile) {
    return new EmbeddedBrokerSettings("127.0.0.1", port, dataDir, logFile, BrokerPersistence.FILE,
        DEFAULT_JVM_OPTIONS, Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  /** These settings with another port. */
  public EmbeddedBrokerSettings withPort(int newPort) {
    return new EmbeddedBrokerSettings(host, newPort, dataDir, logFile, persistence, jvmOptions, startTimeout,
        stopTimeout);
  }

  /** These settings with another persistence. */
  public EmbeddedBrokerSettings withPersistence(BrokerPersistence newPersistence) {
    return new EmbeddedBrokerSettings(host, port, dataDir, logFile, newPersistence, jvmOptions, startTimeout,
        stopTimeout);
  }

  /** These settings with other child JVM options. */
  public EmbeddedBrokerSettings withJvmOptions(List<String> options) {
    return new EmbeddedBrokerSettings(host, port, dataDir, logFile, persistence, options, startTimeout,
        stopTimeout);
  }
}
