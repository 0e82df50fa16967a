package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.AgentEngine;
import io.freeagentics.edge.internal.AgentRestorer;
import io.freeagentics.edge.internal.BlobCodec;
import io.freeagentics.edge.internal.PopulationAgentEngine;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.quant.LogCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Restores the checkpoints of a database left behind by a runtime (read-only, as they are on disk) into fresh
 * engines, as a restart does, and checks the result: on the float engine every belief equals the checkpoint bit for
 * bit and the step count is the checkpoint's; on the int8 engine every belief is within the 8-bit codec's error
 * bound of the checkpoint (the checkpoints were written by the float engine).
 */
final class CheckpointRestoreCheck {
  private CheckpointRestoreCheck() {}

  /** Checks every checkpoint in {@code database}; returns how many there were. */
  static int check(Path database, GenerativeModel model, int agents) throws Exception {
    List<EdgeCheckpoint> checkpoints = read(database);
    if (checkpoints.isEmpty()) {
      return 0;
    }
    PopulationConfig config = PopulationConfig.of(agents).withThreads(1);
    try (AgentEngine engine = PopulationAgentEngine.onFloat(model, config)) {
      AgentRestorer.Result result = AgentRestorer.restore(engine, checkpoints);
      assertThat(result.agents()).isEqualTo(checkpoints.size());
      assertThat(result.maxBeliefDeviation()).as("float restore of %s", database).isZero();
      for (EdgeCheckpoint checkpoint : checkpoints) {
        assertThat(beliefs(engine, checkpoint.agent())).as("float beliefs of agent %d", checkpoint.agent())
            .isDeepEqualTo(checkpoint.beliefs());
        assertThat(engine.stepCount(checkpoint.agent())).isEqualTo(checkpoint.steps());
      }
    }
    try (AgentEngine engine = PopulationAgentEngine.onInt8(model, config)) {
      AgentRestorer.restore(engine, checkpoints);
      for (EdgeCheckpoint checkpoint : checkpoints) {
        float[][] restored = beliefs(engine, checkpoint.agent());
        for (int f = 0; f < restored.length; f++) {
          assertWithinCodecPrecision(checkpoint.beliefs()[f], restored[f], checkpoint.agent(), f);
        }
        assertThat(engine.stepCount(checkpoint.agent())).isEqualTo(checkpoint.steps());
      }
    }
    return checkpoints.size();
  }

  /**
   * The codec stores each ratio {@code q_i / max q} with a relative error {@code e_i} of at most
   * {@link LogCodec#relativeErrorBound}; after normalisation {@code |restored_i - q_i| <= q_i (|e_i| + E) / (1 - E)}
   * with {@code E = sum q_i |e_i|} (ratios beyond the codec's range become 0: error 1).
   */
  private static void assertWithinCodecPrecision(float[] q, float[] restored, int agent, int factor) {
    double max = 0;
    for (float p : q) {
      max = Math.max(max, p);
    }
    double[] bound = new double[q.length];
    double weighted = 0;
    for (int s = 0; s < q.length; s++) {
      double nats = q[s] > 0 ? Math.log(max / q[s]) : Double.POSITIVE_INFINITY;
      bound[s] = nats > LogCodec.RANGE_NATS ? 1.0 : LogCodec.relativeErrorBound(nats);
      weighted += q[s] * bound[s];
    }
    for (int s = 0; s < q.length; s++) {
      double allowed = q[s] * (bound[s] + weighted) / (1 - weighted) + 1e-6;
      assertThat((double) Math.abs(restored[s] - q[s])).as("int8 belief of agent %d, factor %d, state %d: %s vs %s",
          agent, factor, s, restored[s], q[s]).isLessThanOrEqualTo(allowed);
    }
  }

  private static float[][] beliefs(AgentEngine engine, int agent) {
    float[][] beliefs = new float[engine.factors()][];
    for (int f = 0; f < beliefs.length; f++) {
      beliefs[f] = new float[engine.numStates(f)];
      engine.beliefs(agent, f, beliefs[f]);
    }
    return beliefs;
  }

  private static List<EdgeCheckpoint> read(Path database) throws SQLException {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    List<EdgeCheckpoint> checkpoints = new ArrayList<>();
    if (!Files.exists(database)) {
      return checkpoints;
    }
    try (Connection connection = readOnly.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement statement = connection.createStatement()) {
      try (ResultSet tables = statement.executeQuery(
          "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'checkpoint'")) {
        if (!tables.next() || tables.getInt(1) == 0) {
          return checkpoints;
        }
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT agent, tick, beliefs, previous_action, steps FROM checkpoint ORDER BY agent")) {
        while (rows.next()) {
          checkpoints.add(new EdgeCheckpoint(rows.getInt(1), rows.getLong(2), BlobCodec.decodeBeliefs(rows.getBytes(3)),
              BlobCodec.decodeInts(rows.getBytes(4)), rows.getLong(5)));
        }
      }
    }
    return checkpoints;
  }
}
