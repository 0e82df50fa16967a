package io.freeagentics.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildOutputTest {

  @TempDir
  Path folder;

  private ChildOutput follow(String output, Path log) throws IOException {
    return ChildOutput.follow(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), log, "test");
  }

  @Test
  void readyLineCompletesWithTheUriAndEveryLineIsLogged() throws Exception {
    Path log = folder.resolve("logs/broker.log");
    ChildOutput output = follow("starting\nfa-broker ready tcp://127.0.0.1:4242 (HiveMQ CE)\nmore\n", log);

    assertThat(output.ready().get(10, TimeUnit.SECONDS)).isEqualTo(URI.create("tcp://127.0.0.1:4242"));
    // The copy thread finishes the stream; wait for the last line.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.readString(log).contains("more") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(Files.readAllLines(log)).containsExactly("starting",
        "fa-broker ready tcp://127.0.0.1:4242 (HiveMQ CE)", "more");
  }

  @Test
  void failedLineFailsWithTheBrokersReason() throws IOException {
    ChildOutput output = follow("fa-broker failed: cannot listen on 127.0.0.1:1883\n", folder.resolve("b.log"));
    assertThatThrownBy(() -> output.ready().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IOException.class).hasMessage("cannot listen on 127.0.0.1:1883");
    assertThat(output.tail()).containsExactly("fa-broker failed: cannot listen on 127.0.0.1:1883");
  }

  @Test
  void endOfOutputBeforeReadyFails() throws IOException {
    ChildOutput output = follow("Error: could not find main class\n", folder.resolve("b.log"));
    assertThatThrownBy(() -> output.ready().get(10, TimeUnit.SECONDS))
        .cause().hasMessageContaining("ended its output before it was ready");
    assertThat(output.tail()).containsExactly("Error: could not find main class");
  }

  @Test
  void logAppendsToAnExistingFile() throws Exception {
    Path log = Files.writeString(folder.resolve("b.log"), "earlier\n");
    follow("fa-broker ready tcp://h:1\n", log).ready().get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.readAllLines(log).size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(Files.readAllLines(log)).containsExactly("earlier", "fa-broker ready tcp://h:1");
  }
}
