package io.freeagentics.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.demo.internal.FleetDemoRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end on embedded defaults: broker, cloud and two fleet host processes, with chaos killing hosts
 * and cutting connections; nothing may be lost or stored twice. The fleet hosts run on this test's classpath (it
 * holds the edge runtime).
 */
class FleetDemoIT {
  @TempDir
  Path data;

  @Test
  void chaosLosesNothingAndDuplicatesNothing() throws Exception {
    DemoOptions options = new DemoOptions(6, 10, 25, 500, 2, true, 7, "grid:5", data.resolve("run"));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    DemoSummary summary;
    try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
      summary = new FleetDemoRun(options, System.getProperty("java.class.path"), out).run();
    }
    String lines = progress.toString(StandardCharsets.UTF_8);
    assertThat(summary.published()).as(lines).isPositive();
    assertThat(summary.persisted()).as(lines).isEqualTo(summary.published());
    assertThat(summary.lost()).as(lines).isZero();
    assertThat(summary.duplicates()).as(lines).isZero();
    // Each stored message carries at least one agent and at most all ten of its device.
    assertThat(summary.agentUpdatesPersisted()).isBetween(summary.persisted(), summary.persisted() * 10);
    assertThat(summary.hostKills() + summary.connectionDrops()).as("chaos struck: " + lines).isPositive();
    assertThat(summary.e2eP99Ms()).isGreaterThanOrEqualTo(summary.e2eP50Ms());
    // Every device stopped cleanly at the end at least once, and each stop is an event.
    assertThat(summary.eventsPublished()).as(lines).isPositive();
    assertThat(summary.eventsStored()).as(lines).isEqualTo(summary.eventsPublished());
    assertThat(summary.eventsLost()).as(lines).isZero();
    assertThat(lines).contains("belief messages stored");
  }
}
