package io.freeagentics.bench.internal;

import java.io.PrintWriter;

/**
 * Progress lines on standard error, so that a long measurement shows it is alive and results on standard output
 * stay machine-readable. Within a loop, {@link #tick} prints at most one line every {@link #TICK_NANOS}.
 */
public final class Progress {
  static final long TICK_NANOS = 2_000_000_000L;
  private final PrintWriter err;
  private long lastLine = System.nanoTime();

  public Progress(PrintWriter err) {
    this.err = err;
  }

  /** Prints a progress line. */
  public void say(String message) {
    err.println("fa bench: " + message);
    err.flush();
    lastLine = System.nanoTime();
  }

  /** Prints {@code "  what done/total"} when the last line is older than {@link #TICK_NANOS}. */
  public void tick(String what, int done, int total) {
    if (System.nanoTime() - lastLine >= TICK_NANOS) {
      say("  " + what + " " + done + "/" + total);
    }
  }
}
