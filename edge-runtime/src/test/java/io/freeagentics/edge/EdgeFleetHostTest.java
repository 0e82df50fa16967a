package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.ProfileSupport;
import io.freeagentics.model.BuiltInModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet host runs independent devices (own database, own id) on a shared tick scheduler, summarises them from their
 * ledgers, and a second host on the same folder resumes every device; a database made for another id is refused.
 */
class EdgeFleetHostTest {
  @TempDir
  Path dir;

  private EdgeFleetConfig config(String prefix) {
    EdgeStoreConfig store = EdgeStoreConfig.defaults().withDurability(EdgeDurability.NORMAL).withHistoryLength(2);
    return new EdgeFleetConfig(3, 1, prefix, dir, 4, 5, store, EdgeUplinkConfig.defaults("sim"), Optional.empty(), 1,
        2, 60);
  }

  private EdgeFleetSummary runUntil(EdgeFleetConfig config, long ticks) throws Exception {
    EdgeProfileSettings profile = ProfileSupport.settings("sim", ProfileSupport.load("sim"));
    EdgeFleetHost host = EdgeFleetHost.create(config, BuiltInModels.grid(3), profile);
    host.open(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (host.ticksCommitted() < ticks && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(host.progressLine()).containsPattern("fleet host: [23] devices running");
    return host.stop();
  }

  @Test
  void devicesTickIndependentlyAndResumeOnTheNextHost() throws Exception {
    EdgeFleetSummary first = runUntil(config("sim-"), 30);
    assertThat(first.devices()).isEqualTo(3);
    assertThat(first.devicesFailed()).isZero();
    assertThat(first.ticks()).isGreaterThanOrEqualTo(30);
    assertThat(first.beliefsSpooled()).as("one beliefs message per committed tick").isEqualTo(first.ticks());
    assertThat(first.beliefsCommitted()).isEqualTo(first.ticks());
    assertThat(first.spooled()).as("offline: everything waits (beliefs and a stop event per device)")
        .isEqualTo(first.ticks() + 3);
    for (String id : new String[] {"sim-0001", "sim-0002", "sim-0003"}) {
      try (EdgeStateStore store = EdgeStateStore.open(dir.resolve(id).resolve("edge.db"), EdgeStoreConfig.defaults())) {
        assertThat(store.deviceId()).isEqualTo(id);
        assertThat(store.lastCommittedTick()).isGreaterThanOrEqualTo(0);
      }
    }
    EdgeFleetSummary second = runUntil(config("sim-"), 15);
    assertThat(second.devicesFailed()).isZero();
    assertThat(second.beliefsCommitted()).as("the ledgers go on across hosts")
        .isEqualTo(first.beliefsCommitted() + second.ticks());
  }

  @Test
  void aDatabaseOfAnotherDeviceIsRefused() throws Exception {
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("sim-0002").resolve("edge.db"),
        EdgeStoreConfig.defaults(), "someone-else")) {
      assertThat(store.deviceId()).isEqualTo("someone-else");
    }
    EdgeFleetSummary summary = runUntil(config("sim-"), 10);
    assertThat(summary.devicesFailed()).isEqualTo(1);
    assertThat(summary.devices()).isEqualTo(3);
  }
}
