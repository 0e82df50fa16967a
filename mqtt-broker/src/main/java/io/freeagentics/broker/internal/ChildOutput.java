package io.freeagentics.broker.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Copies the broker child's output, line by line, into its log file on a daemon thread, completes {@link #ready()}
 * with the URI of the ready line, and keeps the last lines for error messages. JDK-only.
 */
public final class ChildOutput {

  private static final int TAIL_LINES = 25;

  private final CompletableFuture<URI> ready = new CompletableFuture<>();
  private final Deque<String> tail = new ArrayDeque<>();

  private ChildOutput() {}

  /** Starts copying {@code output} into {@code logFile} (appending; folders created). */
  public static ChildOutput follow(InputStream output, Path logFile, String threadName) throws IOException {
    Path parent = logFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ChildOutput child = new ChildOutput();
    Thread thread = new Thread(() -> child.copy(output, log), threadName);
    thread.setDaemon(true);
    thread.start();
    return child;
  }

  /** Completes with the broker's URI when it prints its ready line; exceptionally when it fails or exits first. */
  public CompletableFuture<URI> ready() {
    return ready;
  }

  /** The last lines the child printed (up to 25), for error messages. */
  public synchronized List<String> tail() {
    return new ArrayList<>(tail);
  }

  private void copy(InputStream output, Writer log) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
         log) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.write(line);
        log.write(System.lineSeparator());
        log.flush();
        remember(line);
        if (line.startsWith(BrokerProtocol.READY_PREFIX)) {
          String uri = line.substring(BrokerProtocol.READY_PREFIX.length()).split(" ", 2)[0];
          try {
            ready.complete(URI.create(uri));
          } catch (IllegalArgumentException e) {
            ready.completeExceptionally(new IOException("unreadable ready line from the broker: " + line, e));
          }
        } else if (line.startsWith(BrokerProtocol.FAILED_PREFIX)) {
          ready.completeExceptionally(new IOException(line.substring(BrokerProtocol.FAILED_PREFIX.length())));
        }
      }
      ready.completeExceptionally(new IOException("the broker process ended its output before it was ready"));
    } catch (IOException e) {
      ready.completeExceptionally(new IOException("reading the broker's output failed: " + e.getMessage(), e));
    }
  }

  private synchronized void remember(String line) {
    if (tail.size() == TAIL_LINES) {
      tail.removeFirst();
    }
    tail.addLast(line);
  }
}
