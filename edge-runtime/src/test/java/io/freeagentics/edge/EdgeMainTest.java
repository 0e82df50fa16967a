package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** End to end through the command line, in this JVM: the sim profile, a small model, a few ticks. */
class EdgeMainTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new EdgeMain());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int status = commandLine.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void runTicksWithTheSimProfileAndLeavesASoundDatabase() throws Exception {
    Run first = run("run", "--profile", "sim", "--model", "grid:4", "--agents", "8", "--offline", "--data",
        dir.toString(), "--ticks", "10");
    assertThat(first.status()).as(first.err()).isZero();
    Run second = run("run", "--profile", "sim", "--model", "grid:4", "--agents", "8", "--offline", "--data",
        dir.toString(), "--ticks", "5");
    assertThat(second.status()).as(second.err()).isZero();
    assertThat(EdgeDatabaseInvariants.check(dir.resolve("edge.db"), 1000, 16)).isEqualTo(14);
  }

  @Test
  void aDatabaseOfAnotherModelIsRefusedWithTheReason() {
    assertThat(run("run", "--profile", "sim", "--model", "grid:4", "--agents", "2", "--offline", "--data",
        dir.toString(), "--ticks", "2").status()).isZero();
    Run other = run("run", "--profile", "sim", "--model", "grid:5", "--agents", "2", "--offline", "--data",
        dir.toString(), "--ticks", "2");
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err()).contains("another model");
  }

  @Test
  void withoutOfflineTheRunIsRefusedWithTheReason() {
    Run run = run("run", "--profile", "sim", "--model", "grid:4", "--data", dir.toString(), "--ticks", "1");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--offline is required");
  }

  @Test
  void anUnknownProfileOrModelIsAClearError() {
    assertThat(run("run", "--profile", "no-such-board", "--model", "grid:4", "--offline", "--data", dir.toString())
        .err()).contains("no-such-board");
    assertThat(run("run", "--profile", "sim", "--model", "grid:99", "--offline", "--data", dir.toString()).err())
        .contains("grid:99");
  }

  @Test
  void withTheUnusedConvertersExcludedEveryRunOptionStillConverts() {
    String before = System.getProperty(EdgeMain.CONVERTER_EXCLUDES_PROPERTY);
    System.setProperty(EdgeMain.CONVERTER_EXCLUDES_PROPERTY, EdgeMain.UNUSED_CONVERTERS);
    try {
      CommandLine.ParseResult run = new CommandLine(new EdgeMain()).parseArgs("run", "--profile", "sim", "--model",
          "grid:4", "--offline", "--data", dir.toString(), "--native-dir", dir.resolve("native").toString(),
          "--durability", "NORMAL", "--io", "simulated", "--battery-start", "0.5", "--agents", "3", "--ticks", "4",
          "--seed", "7", "--telemetry-seconds", "3", "--report-commits").subcommand();
      assertThat(run.commandSpec().name()).isEqualTo("run");
      assertThat(run.<Path>matchedOptionValue("--data", null)).isEqualTo(dir);
      assertThat(run.<Path>matchedOptionValue("--native-dir", null)).isEqualTo(dir.resolve("native"));
      assertThat(run.<EdgeDurability>matchedOptionValue("--durability", null)).isEqualTo(EdgeDurability.NORMAL);
      assertThat(run.<Double>matchedOptionValue("--battery-start", null)).isEqualTo(0.5);
      assertThat(run.<Long>matchedOptionValue("--seed", null)).isEqualTo(7L);
      assertThat(run.<Integer>matchedOptionValue("--agents", null)).isEqualTo(3);
      assertThat(run.<Integer>matchedOptionValue("--telemetry-seconds", null)).isEqualTo(3);
      assertThat(run.<Boolean>matchedOptionValue("--report-commits", false)).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(EdgeMain.CONVERTER_EXCLUDES_PROPERTY);
      } else {
        System.setProperty(EdgeMain.CONVERTER_EXCLUDES_PROPERTY, before);
      }
    }
  }

  @Test
  void jvmFlagsPrintsTheProfilesFlagsOnePerLine() {
    Run run = run("jvm-flags", "--profile", "rpi-zero-2w");
    assertThat(run.status()).isZero();
    assertThat(run.out().lines()).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }

  @Test
  void batterySimPrintsThrottledAndFixedLife() {
    Run run = run("battery-sim", "--profile", "sim", "--active-ms", "40", "--hours", "200");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("fixed rate +\\d+\\.\\d+ h").containsPattern("throttled +\\d+\\.\\d+ h");
  }
}
