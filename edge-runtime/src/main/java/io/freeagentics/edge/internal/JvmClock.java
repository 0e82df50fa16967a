package io.freeagentics.edge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Milliseconds since this JVM was launched, to report start-up time without loading the management API. A
 * launcher that execs the JVM from a shell (the process then keeps the shell's start time) passes its launch time
 * as the system property {@value #LAUNCH_PROPERTY} (epoch milliseconds), which is used when present. Otherwise on
 * Linux from {@code /proc/self/stat} (start time in clock ticks since boot, 10 ms) and {@code /proc/uptime}
 * (seconds since boot, 10 ms); {@code ProcessHandle}'s start instant is only accurate to the second there, since
 * the boot time it adds is. Elsewhere that start instant; {@code -1} when neither is available.
 */
public final class JvmClock {
  /** USER_HZ: the unit of /proc/PID/stat times on every Linux architecture the runtime targets. */
  private static final double CLOCK_TICKS_PER_SECOND = 100;
  private static final int STARTTIME_FIELD = 22;

  private JvmClock() {}

  /** System property with the launcher's epoch milliseconds just before it started the JVM. */
  public static final String LAUNCH_PROPERTY = "fa.edge.launchMs";

  public static long millisSinceStart() {
    String launched = System.getProperty(LAUNCH_PROPERTY);
    if (launched != null) {
      try {
        return System.currentTimeMillis() - Long.parseLong(launched.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("system property " + LAUNCH_PROPERTY + " must be epoch milliseconds but "
            + "was '" + launched + "'", e);
      }
    }
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      // Fields after the command name, which is in parentheses and may hold spaces: field 3 is the first here.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long startTicks = Long.parseLong(fields[STARTTIME_FIELD - 3]);
      String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
      double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
      return Math.round((upSeconds - startTicks / CLOCK_TICKS_PER_SECOND) * 1000);
    } catch (IOException | RuntimeException notLinux) {
      return ProcessHandle.current().info().startInstant()
          .map(start -> Instant.now().toEpochMilli() - start.toEpochMilli()).orElse(-1L);
    }
  }
}
