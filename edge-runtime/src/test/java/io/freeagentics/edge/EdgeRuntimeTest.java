package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.Engine;
import io.freeagentics.wire.DeviceEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeRuntimeTest {
  private static final int AGENTS = 6;
  @TempDir Path dir;

  private EdgeRuntimeConfig config(long ticks, Engine engine) {
    return new EdgeRuntimeConfig(AGENTS, ticks, engine, 1, 7, true, 60_000);
  }

  private static EdgeTickPolicy fast() {
    return new EdgeTickPolicy(1, 1);
  }

  @Test
  void ticksCommitAndARestartResumesFromTheCheckpoints() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:3");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config(12, Engine.FLOAT), model, store,
            new EdgeSimulatedIo(model, AGENTS, 7), EdgeTestPower.MAINS, fast(), out)) {
      EdgeRunSummary summary = runtime.run();
      assertThat(summary.ticks()).isEqualTo(12);
      assertThat(summary.firstTick()).isZero();
      assertThat(summary.lastTick()).isEqualTo(11);
      assertThat(summary.resumedAfterTick()).isEqualTo(-1);
      assertThat(store.checkpoints()).hasSize(AGENTS).allSatisfy(c -> assertThat(c.tick()).isEqualTo(11));
    }
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config(3, Engine.FLOAT), model, store,
            new EdgeSimulatedIo(model, AGENTS, 8), EdgeTestPower.MAINS, fast(), out)) {
      EdgeRunSummary summary = runtime.run();
      assertThat(summary.resumedAfterTick()).isEqualTo(11);
      assertThat(summary.firstTick()).isEqualTo(12);
      assertThat(summary.lastTick()).isEqualTo(14);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("fresh start", "resumed after tick 11",
        "committed tick 0", "committed tick 14");
    assertThat(EdgeDatabaseInvariants.check(dir.resolve("edge.db"), 1000, 16)).isEqualTo(14);
  }

  @Test
  void aFailingSensorSkipsOnlyThatAgentsObservationAndIsReported() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:3");
    EdgeSimulatedIo simulated = new EdgeSimulatedIo(model, AGENTS, 7);
    EdgeIo failingAgentTwo = new EdgeIo() {
      @Override
      public void beginTick(long tick) throws EdgeIoException {
        simulated.beginTick(tick);
      }

      @Override
      public void read(int agent, int[] observationOut) throws EdgeIoException {
        if (agent == 2) {
          throw new EdgeIoException("i2c read of agent 2 timed out");
        }
        simulated.read(agent, observationOut);
      }

      @Override
      public void write(int agent, int[] action) throws EdgeIoException {
        simulated.write(agent, action);
      }

      @Override
      public void endTick(long tick) throws EdgeIoException {
        simulated.endTick(tick);
      }

      @Override
      public String description() {
        return "agent 2's sensor fails";
      }

      @Override
      public void close() {
        simulated.close();
      }
    };
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config(5, Engine.FLOAT), model, store, failingAgentTwo,
            EdgeTestPower.MAINS, fast(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      EdgeRunSummary summary = runtime.run();
      assertThat(summary.ticks()).isEqualTo(5);
      assertThat(summary.sensorErrors()).isEqualTo(5);
      assertThat(store.checkpoints()).extracting(EdgeCheckpoint::agent).containsExactly(0, 1, 3, 4, 5);
      assertThat(store.history(2)).isEmpty();
      List<DeviceEvent> errors = SpooledEvents.of(store, "error");
      assertThat(errors).hasSize(5).allSatisfy(e -> assertThat(e.body())
          .contains("\"event\":\"error\"", "\"agent\":2", "i2c read of agent 2 timed out"));
    }
  }

  @Test
  void theInt8EngineRunsTheSameLoop() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:3");
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config(5, Engine.INT8), model, store,
            new EdgeSimulatedIo(model, AGENTS, 7), EdgeTestPower.MAINS, fast(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(runtime.run().ticks()).isEqualTo(5);
    }
    assertThat(EdgeDatabaseInvariants.check(dir.resolve("edge.db"), 1000, 16)).isEqualTo(4);
  }
}
