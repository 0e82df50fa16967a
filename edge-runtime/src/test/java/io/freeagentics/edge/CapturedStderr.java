package io.freeagentics.edge;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to {@code System.err} (where slf4j-simple writes the runtime's log lines, looking the
 * stream up at every record) until closed, and passes it on to the original stream.
 */
final class CapturedStderr implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  CapturedStderr() {
    System.setErr(new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        captured.write(b);
        original.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        captured.write(bytes, offset, length);
        original.write(bytes, offset, length);
      }
    }, true, StandardCharsets.UTF_8));
  }

  /** Everything written so far. */
  String text() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}
