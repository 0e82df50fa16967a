package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import io.freeagentics.edge.internal.Pi4jPlatforms;
import io.freeagentics.profiles.DeviceProfile;
import io.freeagentics.profiles.DeviceProfiles;
import io.freeagentics.profiles.Engine;
import io.freeagentics.wire.DeviceEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's tick loop on the profile's wiring, with Pi4J's mock providers standing in for the board. */
class EdgeProfileIoRuntimeTest {
  private static final int AGENTS = 3;
  private static final int TICKS = 8;
  /** Per tick: soil-moisture word, light word, motion level; and the outcomes the profile codes them to. */
  private static final int[][] READINGS = {{100, 20, 0}, {9_000, 150, 1}, {20_000, 90, 1}, {8_000, 100, 0},
      {15_999, 0, 0}, {16_000, 65_535, 1}, {40_000, 99, 0}, {0, 101, 1}};
  private static final int[][] CODED = {{0, 0, 0}, {1, 1, 1}, {2, 0, 1}, {1, 1, 0}, {1, 0, 0}, {2, 1, 1}, {2, 0, 0},
      {0, 1, 1}};
  private static final double[] LAMP_VALUES = {0, 50, 100};

  @TempDir Path dir;

  /** What one tick did: the actions the agents chose, and the actuator outputs after the tick. */
  private record TickOutputs(long tick, List<int[]> actions, boolean pumpOn, double lampDuty) {}

  /** Feeds each tick's readings into the mock sensors before the tick and records the outputs after it. */
  private static final class Bench implements EdgeIo {
    private final EdgeProfileIo io;
    private final ProfileWiringMocks mocks;
    private final List<TickOutputs> ticks = new ArrayList<>();
    private List<int[]> actions;

    Bench(EdgeProfileIo io, ProfileWiringMocks mocks) {
      this.io = io;
      this.mocks = mocks;
    }

    @Override
    public void beginTick(long tick) throws EdgeIoException {
      int[] reading = READINGS[(int) tick];
      mocks.soil(reading[0]).light(reading[1]).motion(reading[2] == 1);
      actions = new ArrayList<>();
      io.beginTick(tick);
    }

    @Override
    public void read(int agent, int[] observationOut) throws EdgeIoException {
      io.read(agent, observationOut);
    }

    @Override
    public void write(int agent, int[] action) {
      actions.add(action.clone());
      io.write(agent, action);
    }

    @Override
    public void endTick(long tick) throws EdgeIoException {
      io.endTick(tick);
      ticks.add(new TickOutputs(tick, actions, mocks.pumpOn(), mocks.lampDuty()));
    }

    @Override
    public String description() {
      return io.description();
    }

    @Override
    public void close() {
      io.close();
    }
  }

  @Test
  void theAgentsObserveTheCodedSensorsAndTheActuatorsFollowTheirActions() throws Exception {
    DeviceProfile profile = DeviceProfiles.builtIn("sim");
    Context pi4j = Pi4jPlatforms.mock();
    Bench bench = new Bench(new EdgeProfileIo(profile, GardenModel.create(), AGENTS, pi4j),
        new ProfileWiringMocks(pi4j));
    EdgeRuntimeConfig config = new EdgeRuntimeConfig(AGENTS, TICKS, Engine.FLOAT, 1, 11, false, 60_000);
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config, GardenModel.create(), store, bench, EdgeTestPower.MAINS,
            new EdgeTickPolicy(1, 1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      EdgeRunSummary summary = runtime.run();
      assertThat(summary.ticks()).isEqualTo(TICKS);
      assertThat(summary.sensorErrors()).isZero();
      assertThat(summary.actuatorErrors()).isZero();
      for (int agent = 0; agent < AGENTS; agent++) {
        List<EdgeHistoryEntry> history = store.history(agent);
        assertThat(history).hasSize(TICKS);
        for (EdgeHistoryEntry entry : history) {
          assertThat(entry.observation()).as("agent %d, tick %d", agent, entry.tick())
              .containsExactly(CODED[(int) entry.tick()]);
        }
      }
    }
    assertThat(bench.ticks).hasSize(TICKS);
    for (TickOutputs tick : bench.ticks) {
      assertThat(tick.actions()).hasSize(AGENTS);
      assertThat(tick.pumpOn()).as("pump after tick %d", tick.tick()).isEqualTo(majority(tick.actions(), 0, 2) == 1);
      assertThat(tick.lampDuty()).as("lamp after tick %d", tick.tick())
          .isEqualTo(LAMP_VALUES[majority(tick.actions(), 1, 3)]);
    }
    assertThat(pi4j.isShutdown()).isTrue();
  }

  @Test
  void aSensorThatFailsIsReportedAndEveryAgentSkipsThatTick() throws Exception {
    DeviceProfile profile = DeviceProfiles.builtIn("sim");
    Context pi4j = Pi4jPlatforms.mock();
    EdgeProfileIo io = new EdgeProfileIo(profile, GardenModel.create(), AGENTS, pi4j);
    ProfileWiringMocks mocks = new ProfileWiringMocks(pi4j);
    // Two ticks of readings, then the soil-moisture ADC answers no more.
    mocks.soil(1).soil(2).light(1).light(2).light(3).motion(true);
    EdgeRuntimeConfig config = new EdgeRuntimeConfig(AGENTS, 3, Engine.FLOAT, 1, 11, false, 60_000);
    try (EdgeStateStore store = EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults());
        EdgeRuntime runtime = new EdgeRuntime(config, GardenModel.create(), store, io, EdgeTestPower.MAINS,
            new EdgeTickPolicy(1, 1), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      EdgeRunSummary summary = runtime.run();
      assertThat(summary.ticks()).isEqualTo(3);
      assertThat(summary.sensorErrors()).isEqualTo(1);
      assertThat(store.history(0)).extracting(EdgeHistoryEntry::tick).containsExactly(0L, 1L);
      List<DeviceEvent> errors = SpooledEvents.of(store, "error");
      assertThat(errors).hasSize(1).allSatisfy(e -> assertThat(e.body())
          .contains("\"event\":\"error\"", "\"source\":\"sensors\"", "tick 2", "soil-moisture"));
    }
  }

  private static int majority(List<int[]> actions, int factor, int count) {
    int[] votes = new int[count];
    actions.forEach(a -> votes[a[factor]]++);
    int best = 0;
    for (int u = 1; u < count; u++) {
      if (votes[u] > votes[best]) {
        best = u;
      }
    }
    return best;
  }
}
