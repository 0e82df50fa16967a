package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the runtime runs as a separate JVM on one database and is killed with SIGKILL
 * ({@code destroyForcibly}) at random moments, 60 times: during start-up, between ticks and within commits. After
 * every kill the database must pass the integrity check and the invariants, hold at least the last tick the child
 * reported as committed, and the next child must resume exactly after the database's last tick. The checkpoints
 * left behind are restored into fresh engines as a restart does: the float engine's beliefs must equal them bit for
 * bit, the int8 engine's within the codec's precision ({@link CheckpointRestoreCheck}). The time from
 * starting a child to its first committed tick is recorded and printed, not asserted (the machine is shared).
 */
class EdgeCrashSafetyIT {
  private static final int KILLS = 60;
  private static final int OUTBOX_CAPACITY = 50;
  private static final int HISTORY = 4;
  private static final int AGENTS = 4;
  private static final long LINE_TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void killedAtRandomMomentsTheStoreStaysSoundAndTheRuntimeResumes() throws Exception {
    Path data = dir.resolve("data");
    // Children start as under ./fa edge run: from the launcher's profile snapshot, not the profile JSON.
    Path snapshot = dir.resolve("sim.snapshot");
    ProfileSupport.writeSnapshot(ProfileSupport.settings("sim", ProfileSupport.load("sim")), snapshot);
    Random random = new Random(20261127);
    GenerativeModel model = ModelCatalog.resolve("grid:3");
    long restoredCheckpoints = 0;
    long lastInDatabase = -1;
    List<Long> startToFirstTickMs = new ArrayList<>();
    int killedDuringStartup = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      long started = System.nanoTime();
      Process child = start(data, snapshot);
      BlockingQueue<String> lines = stdoutLines(child);
      long reported = -1;
      boolean startupKill = random.nextInt(8) == 0;
      if (startupKill) {
        // Kill somewhere in start-up: opening or migrating the database, restoring agents, the first ticks.
        String line = lines.poll(random.nextInt(1500), TimeUnit.MILLISECONDS);
        while (line != null) {
          reported = Math.max(reported, committedTick(line));
          line = lines.poll();
        }
        killedDuringStartup++;
      } else {
        String first = awaitLine(lines, child, "resumed after tick |fresh start");
        assertThat(first).isEqualTo(lastInDatabase < 0 ? "fresh start" : "resumed after tick " + lastInDatabase);
        String firstCommit = awaitLine(lines, child, "committed tick ");
        startToFirstTickMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(committedTick(firstCommit)).as("first tick after resuming").isEqualTo(lastInDatabase + 1);
        reported = committedTick(firstCommit);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(400));
        while (System.nanoTime() < deadline) {
          String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          if (line != null) {
            reported = Math.max(reported, committedTick(line));
          }
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("child %d ends after SIGKILL", kill).isTrue();
      for (String line = lines.poll(); line != null; line = lines.poll()) {
        reported = Math.max(reported, committedTick(line));
      }
      long last = EdgeDatabaseInvariants.check(data.resolve("edge.db"), OUTBOX_CAPACITY, HISTORY);
      restoredCheckpoints += CheckpointRestoreCheck.check(data.resolve("edge.db"), model, AGENTS);
      assertThat(last).as("kill %d: last tick in the database vs last reported commit", kill)
          .isGreaterThanOrEqualTo(reported).isGreaterThanOrEqualTo(lastInDatabase);
      lastInDatabase = last;
    }
    System.out.printf("crash test: %d kills (%d during start-up), last tick %d; start to first tick of a child, ms: "
        + "min %d, median %d, max %d%n", KILLS, killedDuringStartup, lastInDatabase,
        startToFirstTickMs.stream().mapToLong(Long::longValue).min().orElse(-1), median(startToFirstTickMs),
        startToFirstTickMs.stream().mapToLong(Long::longValue).max().orElse(-1));
    assertThat(lastInDatabase).as("the runtime made progress across restarts").isGreaterThan(KILLS);
    assertThat(restoredCheckpoints).as("checkpoints restored and compared").isGreaterThan(KILLS);
  }

  private static Process start(Path data, Path snapshot) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-XX:-UsePerfData", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-D" + EdgeRunCommand.SNAPSHOT_PROPERTY + "=" + snapshot,
        "-cp", System.getProperty("java.class.path"), EdgeMain.class.getName(), "run", "--profile", "sim", "--model",
        "grid:3", "--agents", String.valueOf(AGENTS), "--offline", "--data", data.toString(), "--report-commits", "--history",
        String.valueOf(HISTORY), "--outbox-capacity", String.valueOf(OUTBOX_CAPACITY), "--progress-seconds", "3600");
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Lines of the child's stdout, read by a daemon thread until the stream ends. */
  private static BlockingQueue<String> stdoutLines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException streamClosedByKill) {
        lines.add("stream closed: " + streamClosedByKill.getMessage());
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String awaitLine(BlockingQueue<String> lines, Process child, String regexPrefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.matches("(" + regexPrefix + ").*")) {
        return line;
      }
      if (line == null && !child.isAlive() && lines.isEmpty()) {
        throw new AssertionError("child exited with " + child.exitValue() + " before printing '" + regexPrefix + "'");
      }
    }
    throw new AssertionError("no line '" + regexPrefix + "' within " + LINE_TIMEOUT_SECONDS + " s");
  }

  private static long committedTick(String line) {
    return line.startsWith("committed tick ") ? Long.parseLong(line.substring("committed tick ".length())) : -1;
  }

  private static long median(List<Long> values) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
