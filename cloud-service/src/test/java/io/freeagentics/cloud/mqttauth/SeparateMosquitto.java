package io.freeagentics.cloud.mqttauth;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of its own for a test: the real {@code mosquitto} binary started with a generated configuration on a
 * free port (never the system broker on 1883), stopped by {@link #close()}. Without the binary the test is skipped,
 * or fails when FA_REQUIRE_SERVICES=1.
 */
final class SeparateMosquitto implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private SeparateMosquitto(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts mosquitto with {@code auth} on a free loopback port; returns once it accepts TCP connections. */
  static SeparateMosquitto start(Path folder, MosquittoAuthPaths auth) throws IOException, InterruptedException {
    Path binary = findBinary();
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    // Mosquitto opens the files after dropping root privileges: keep it running as the user who wrote them.
    Path config = new MosquittoListenerConfig("127.0.0.1", port, auth, Optional.of(System.getProperty("user.name")))
        .write(folder.resolve("mosquitto.conf"));
    Path log = folder.resolve("mosquitto.log");
    Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    SeparateMosquitto mosquitto = new SeparateMosquitto(process, port, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("mosquitto exited with status " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return mosquitto;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    mosquitto.close();
    throw new IOException("mosquitto did not listen on 127.0.0.1:" + port + " within 20 s:\n" + Files.readString(log));
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static Path findBinary() {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin"
        + File.pathSeparator + "/usr/local/sbin";
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "mosquitto");
      if (!folder.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "the mosquitto binary is not on PATH, /usr/sbin or /usr/local/sbin (apt-get install mosquitto)";
    if ("1".equals(System.getenv("FA_REQUIRE_SERVICES"))) {
      fail(message + "; FA_REQUIRE_SERVICES=1 requires it");
    }
    assumeTrue(false, message + ": skipping");
    throw new AssertionError("unreachable");
  }
}
