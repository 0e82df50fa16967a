package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.catalog.ModelCatalog;
import io.freeagentics.profiles.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Restarts restore agents exactly: a run stopped after N ticks and restarted for N more leaves the same checkpoints,
 * bit for bit, as one uninterrupted run of 2N ticks on the same observations (both engines); checkpoints carry the
 * agent's step count; a version-1 database gets step counts from its history when migrated.
 */
class EdgeRestoreTest {
  private static final int AGENTS = 5;
  private static final int TICKS = 9;
  /** Shorter than the run, so a history replay could not have been exact. */
  private static final int HISTORY = 3;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRestartedRunEndsWithTheCheckpointsOfAnUninterruptedOne(Engine engine) throws Exception {
    GenerativeModel model = ModelCatalog.resolve("tmaze");
    List<EdgeCheckpoint> uninterrupted = run(model, engine, dir.resolve("once.db"), 2 * TICKS);
    run(model, engine, dir.resolve("twice.db"), TICKS);
    List<EdgeCheckpoint> restarted = run(model, engine, dir.resolve("twice.db"), TICKS);
    assertThat(restarted).hasSize(AGENTS).isEqualTo(uninterrupted);
    EdgeCheckpoint skipping = restarted.get(2);
    assertThat(skipping.tick()).as("agent 2 missed the last tick").isEqualTo(2 * TICKS - 2);
    assertThat(skipping.steps()).as("agent 2 skips every third tick").isEqualTo(2 * TICKS - 2 * TICKS / 3);
    assertThat(restarted.get(0).steps()).isEqualTo(2 * TICKS);
  }

  @Test
  void migratingAVersion1DatabaseTakesTheStepCountFromTheHistory() throws Exception {
    Path db = dir.resolve("edge.db");
    EdgeStoreConfig config = EdgeStoreConfig.defaults().withHistoryLength(HISTORY);
    try (EdgeStateStore store = EdgeStateStore.open(db, config)) {
      for (int tick = 0; tick < 5; tick++) {
        List<EdgeAgentUpdate> updates = tick < 2
            ? List.of(update(0, tick), update(1, tick)) : List.of(update(0, tick));
        store.commitTick(new EdgeTickCommit(tick, updates, List.of()));
      }
      assertThat(store.checkpoints()).extracting(EdgeCheckpoint::steps).containsExactly(5L, 2L);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE checkpoint DROP COLUMN steps");
      // What later versions added goes too: the file is as version 1 left it.
      statement.execute("DROP TABLE ledger");
      statement.execute("DROP TABLE sync_state");
      statement.execute("DROP TABLE command");
      statement.execute("PRAGMA user_version = 1");
    }
    try (EdgeStateStore store = EdgeStateStore.open(db, config)) {
      // Agent 1's history reaches its first tick: exact. Agent 0's history wrapped: the count version 1 replayed.
      assertThat(store.checkpoints()).extracting(EdgeCheckpoint::steps).containsExactly((long) HISTORY, 2L);
      store.commitTick(new EdgeTickCommit(5, List.of(update(1, 5)), List.of()));
      assertThat(store.checkpoints()).extracting(EdgeCheckpoint::steps).containsExactly((long) HISTORY, 3L);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(io.freeagentics.edge.internal.SqliteSchema.currentVersion());
    }
  }

  private static EdgeAgentUpdate update(int agent, int tick) {
    return new EdgeAgentUpdate(agent, new int[] {tick % 2}, new float[][] {{0.5f, 0.5f}}, new int[] {tick % 2});
  }

  /** Runs {@code ticks} ticks on the database (resuming from it) and returns its checkpoints. */
  private static List<EdgeCheckpoint> run(GenerativeModel model, Engine engine, Path db, long ticks)
      throws Exception {
    EdgeRuntimeConfig config = new EdgeRuntimeConfig(AGENTS, ticks, engine, 1, 7, false, 60_000);
    try (EdgeStateStore store = EdgeStateStore.open(db, EdgeStoreConfig.defaults().withHistoryLength(HISTORY));
        EdgeRuntime runtime = new EdgeRuntime(config, model, store, new TickKeyedIo(model), EdgeTestPower.MAINS,
            new EdgeTickPolicy(1, 1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(runtime.run().ticks()).isEqualTo(ticks);
      return store.checkpoints();
    }
  }

  /**
   * Observations that depend only on the tick and the agent, so a restarted run sees what the uninterrupted one
   * saw; agent 2's sensor fails every third tick, so its step count falls behind the tick count.
   */
  private static final class TickKeyedIo implements EdgeIo {
    private final GenerativeModel model;
    private long tick;

    TickKeyedIo(GenerativeModel model) {
      this.model = model;
    }

    @Override
    public void beginTick(long tick) {
      this.tick = tick;
    }

    @Override
    public void read(int agent, int[] observationOut) throws EdgeIoException {
      if (agent == 2 && tick % 3 == 2) {
        throw new EdgeIoException("sensor of agent 2 is read every third tick only");
      }
      for (int m = 0; m < observationOut.length; m++) {
        observationOut[m] = (int) Math.floorMod(tick * 7 + agent * 3 + m * 5, (long) model.numObs(m));
      }
    }

    @Override
    public void write(int agent, int[] action) {}

    @Override
    public void endTick(long tick) {}

    @Override
    public String description() {
      return "observations keyed by tick and agent";
    }

    @Override
    public void close() {}
  }
}
