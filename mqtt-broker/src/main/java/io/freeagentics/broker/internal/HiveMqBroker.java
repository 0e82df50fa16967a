package io.freeagentics.broker.internal;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.freeagentics.broker.BrokerPersistence;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HiveMQ CE embedded inside the broker process: starts it on host:port from a data folder, waits until the
 * listener accepts a TCP connection, and stops it. Runs only in the child JVM (it loads HiveMQ).
 */
public final class HiveMqBroker implements AutoCloseable {

  private final EmbeddedHiveMQ hivemq;
  private final String host;
  private final int port;

  private HiveMqBroker(EmbeddedHiveMQ hivemq, String host, int port) {
    this.hivemq = hivemq;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts HiveMQ and returns once its listener accepts connections.
   *
   * @throws IOException when the folders cannot be written or the broker does not start within {@code timeout}
   */
  public static HiveMqBroker start(String host, int port, Path dataRoot, BrokerPersistence persistence,
                                   Duration timeout) throws IOException {
    HiveMqFolders folders = HiveMqFolders.prepare(dataRoot, host, port, persistence);
    EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
        .withConfigurationFolder(folders.config())
        .withDataFolder(folders.data())
        .withExtensionsFolder(folders.extensions())
        .build();
    HiveMqBroker broker = new HiveMqBroker(hivemq, host, port);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      hivemq.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      broker.awaitListener(deadline);
      return broker;
    } catch (ExecutionException e) {
      broker.closeQuietlyAfterFailure();
      throw new IOException("HiveMQ did not start on " + host + ":" + port + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      broker.closeQuietlyAfterFailure();
      throw new IOException("HiveMQ did not start on " + host + ":" + port + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      broker.closeQuietlyAfterFailure();
      throw new IOException("interrupted while HiveMQ was starting", e);
    }
  }

  private void awaitListener(long deadlineNanos) throws IOException, InterruptedException {
    IOException last = null;
    while (System.nanoTime() < deadlineNanos) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 1_000);
        return;
      } catch (IOException e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw new IOException("HiveMQ started but " + host + ":" + port + " does not accept connections", last);
  }

  /** Stops the broker, waiting up to {@code timeout} for it to flush its persistence. */
  public void stop(Duration timeout) throws IOException {
    try {
      hivemq.stop().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      hivemq.close();
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("HiveMQ did not stop cleanly within " + timeout + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while HiveMQ was stopping", e);
    }
  }

  @Override
  public void close() throws IOException {
    stop(Duration.ofSeconds(30));
  }

  private void closeQuietlyAfterFailure() {
    try {
      hivemq.close();
    } catch (Exception suppressed) {
      // The start failure is the error reported; this one would only hide it.
      System.err.println("fa-broker: also failed to close HiveMQ after the failed start: " + suppressed);
    }
  }
}
