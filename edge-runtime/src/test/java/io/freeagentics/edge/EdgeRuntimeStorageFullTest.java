package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime on a database capped at its size when opened ({@code max_page_count}), so that no tick fits: it keeps
 * ticking on its in-memory state, and once space is back the checkpoints are exactly those of a run that never
 * hit a full disk; a cap that never lifts stops it with an error after the configured number of failed commits.
 */
class EdgeRuntimeStorageFullTest {
  /** Enough agents that their checkpoints need more than the free room of the capped database. */
  private static final int AGENTS = 100;
  private static final int TICKS = 10;
  private static final long SPACE_BACK_AT_TICK = 5;
  @TempDir Path dir;

  private static EdgeRuntimeConfig config() {
    return new EdgeRuntimeConfig(AGENTS, TICKS, Engine.FLOAT, 1, 7, true, 60_000);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void ticksGoOnWhileTheDatabaseIsFullAndTheNextCommitSavesTheAgentsExactly() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:3");
    List<EdgeCheckpoint> uninterrupted;
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("reference.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config(), model, store, new EdgeSimulatedIo(model, AGENTS, 7),
            EdgeTestPower.MAINS, new EdgeTickPolicy(1, 1), quiet())) {
      runtime.run();
      uninterrupted = store.checkpoints();
    }
    Path db = dir.resolve("edge.db");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EdgeRunSummary summary;
    String log;
    try (EdgeStateStore store = EdgeStateStore.open(db, EdgeStoreConfig.defaults());
        CapturedStderr captured = new CapturedStderr()) {
      store.limitPageCount(1);
      EdgeIo spaceComesBack = new SpaceBackAt(new EdgeSimulatedIo(model, AGENTS, 7), store, SPACE_BACK_AT_TICK);
      try (EdgeRuntime runtime = new EdgeRuntime(config(), model, store, spaceComesBack, EdgeTestPower.MAINS,
          new EdgeTickPolicy(1, 1), new PrintStream(printed, true, StandardCharsets.UTF_8))) {
        summary = runtime.run();
      }
      assertThat(store.checkpoints()).as("checkpoints after failed commits and recovery")
          .isEqualTo(uninterrupted);
      assertThat(store.history(0)).extracting(EdgeHistoryEntry::tick).containsExactly(5L, 6L, 7L, 8L, 9L);
      assertThat(store.outboxStats().dropped()).as("summaries of the 5 unsaved ticks").isEqualTo(SPACE_BACK_AT_TICK);
      log = captured.text();
    }
    assertThat(summary.ticks()).isEqualTo(TICKS);
    assertThat(summary.firstTick()).as("first committed tick").isEqualTo(SPACE_BACK_AT_TICK);
    assertThat(summary.lastTick()).isEqualTo(TICKS - 1);
    assertThat(log).contains("WARN EdgeRuntime - tick 0 not saved (STORAGE_FULL, failure 1 of 60 before the runtime "
        + "stops): commit of tick 0 failed in " + db, "SQLITE_FULL", "the last committed tick -1 is intact",
        "the agents keep their state in memory and the next tick retries the commit",
        "tick 4 not saved (STORAGE_FULL, failure 5 of 60",
        "INFO EdgeStateStore - edge database " + db + " writable again: tick 5 committed after 5 failed commits");
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("committed tick 4")
        .contains("committed tick 5", "committed tick 9");
    assertThat(EdgeDatabaseInvariants.check(db, 1000, 16)).isEqualTo(TICKS - 1);
  }

  @Test
  void aDatabaseThatStaysFullStopsTheRuntimeWithAnErrorAfterTheConfiguredFailures() throws Exception {
    GenerativeModel model = ModelCatalog.resolve("grid:3");
    Path db = dir.resolve("edge.db");
    EdgeStoreConfig storeConfig = EdgeStoreConfig.defaults().withMaxFailedCommits(3);
    try (EdgeStateStore store = EdgeStateStore.open(db, storeConfig); CapturedStderr captured = new CapturedStderr();
        EdgeRuntime runtime = new EdgeRuntime(config(), model, store, new EdgeSimulatedIo(model, AGENTS, 7),
            EdgeTestPower.MAINS, new EdgeTickPolicy(1, 1), quiet())) {
      store.limitPageCount(1);
      EdgeStoreException stopped = catchThrowableOfType(EdgeStoreException.class, runtime::run);
      assertThat(stopped.kind()).isEqualTo(EdgeStoreException.Kind.STORAGE_FULL);
      assertThat(stopped.getMessage()).contains("stopped after 3 failed tick commits in a row (STORAGE_FULL) in " + db);
      assertThat(captured.text()).contains("failure 2 of 3", "ERROR EdgeRuntime - tick 2: 3 tick commits in a row "
          + "failed (STORAGE_FULL), stopping the runtime: the device cannot save its state");
      assertThat(store.lastCommittedTick()).isEqualTo(-1);
      assertThat(store.integrityCheck()).isEmpty();
    }
    assertThat(EdgeDatabaseInvariants.check(db, 1000, 16)).isEqualTo(-1);
  }

  /** The simulated I/O, which lifts the database's size cap when tick {@code tick} begins. */
  private static final class SpaceBackAt implements EdgeIo {
    private final EdgeIo io;
    private final EdgeStateStore store;
    private final long tick;

    SpaceBackAt(EdgeIo io, EdgeStateStore store, long tick) {
      this.io = io;
      this.store = store;
      this.tick = tick;
    }

    @Override
    public void beginTick(long now) throws EdgeIoException {
      if (now == tick) {
        try {
          store.limitPageCount(1_000_000);
        } catch (EdgeStoreException e) {
          throw new IllegalStateException("cannot lift the size cap of " + store.file(), e);
        }
      }
      io.beginTick(now);
    }

    @Override
    public void read(int agent, int[] observationOut) throws EdgeIoException {
      io.read(agent, observationOut);
    }

    @Override
    public void write(int agent, int[] action) throws EdgeIoException {
      io.write(agent, action);
    }

    @Override
    public void endTick(long now) throws EdgeIoException {
      io.endTick(now);
    }

    @Override
    public String description() {
      return io.description() + ", database size cap lifted at tick " + tick;
    }

    @Override
    public void close() {
      io.close();
    }
  }
}
