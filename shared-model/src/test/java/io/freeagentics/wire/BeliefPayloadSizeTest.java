package io.freeagentics.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.sim.SimulatedWorld;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 3 KB target: belief frames of 100 grid:5 agents (25 states) from a population run in a simulated world, as
 * a full snapshot and as a delta against the previous tick, early (beliefs still spread) and settled.
 */
class BeliefPayloadSizeTest {
  private static final int AGENTS = 100;
  private static final int TARGET_BYTES = 3 * 1024;
  private static final MessageHeader HEADER = new MessageHeader("pi4-greenhouse-07", 123_456, 1_795_000_000_000L);

  /** The largest L1 quantisation error seen, and the largest bound, over every belief of {@link #run}. */
  private static double maxL1;
  private static double maxBound;

  /** Beliefs of every agent after each of {@code ticks} steps. */
  private static List<BeliefSet> run(int ticks, long seed) {
    GenerativeModel model = BuiltInModels.grid(5);
    List<BeliefSet> sets = new ArrayList<>();
    try (Population population = Population.create(model, PopulationConfig.of(AGENTS).withThreads(1)
        .withSeed(seed))) {
      SimulatedWorld world = new SimulatedWorld(model, AGENTS, seed);
      int[] observations = new int[AGENTS];
      int[] actions = new int[AGENTS];
      Arrays.fill(actions, SimulatedWorld.NO_ACTION);
      float[] beliefs = new float[25];
      for (int tick = 1; tick <= ticks; tick++) {
        world.observe(observations);
        population.step(observations, actions);
        world.act(actions);
        List<AgentBeliefs> agents = new ArrayList<>(AGENTS);
        for (int agent = 0; agent < AGENTS; agent++) {
          population.beliefs(agent, 0, beliefs);
          BeliefCodes codes = BeliefCodes.quantize(beliefs);
          double l1 = l1(codes.probabilities(), beliefs);
          assertThat(l1).isLessThanOrEqualTo(codes.l1ErrorBound() + 1e-5);
          maxL1 = Math.max(maxL1, l1);
          maxBound = Math.max(maxBound, codes.l1ErrorBound());
          agents.add(new AgentBeliefs(agent, tick, List.of(codes)));
        }
        sets.add(new BeliefSet(List.of(25), agents));
      }
    }
    return sets;
  }

  private static double l1(double[] decoded, float[] original) {
    double l1 = 0;
    for (int i = 0; i < original.length; i++) {
      l1 += Math.abs(decoded[i] - original[i]);
    }
    return l1;
  }

  @Test
  void snapshotsAndDeltasOfAHundredGridAgentsFitInThreeKilobytes() throws Exception {
    List<BeliefSet> ticks = run(30, 11);
    StringBuilder report = new StringBuilder("grid:5, 100 agents, frame bytes (snapshot / delta vs previous tick):");
    int largest = 0;
    for (int tick : new int[] {1, 2, 5, 30}) {
      BeliefSet current = ticks.get(tick - 1);
      int snapshot = WireCodec.encode(new BeliefSnapshot(HEADER, current)).length;
      int delta = snapshot;
      if (tick > 1) {
        AcknowledgedBeliefs base = new AcknowledgedBeliefs(HEADER.sequence() - 1, ticks.get(tick - 2));
        EncodedBeliefs chosen = BeliefSync.encode(HEADER, current, Optional.of(base),
            BeliefSync.DEFAULT_THRESHOLD_CODES);
        delta = WireCodec.encode(new BeliefDelta(HEADER, base.sequence(), current.numStates(),
            BeliefSync.changes(base.beliefs(), current, BeliefSync.DEFAULT_THRESHOLD_CODES).orElseThrow())).length;
        assertThat(chosen.size()).isEqualTo(Math.min(snapshot, delta));
        BeliefSet rebuilt = ((BeliefDelta) WireCodec.decode(WireCodec.encode(new BeliefDelta(HEADER,
            base.sequence(), current.numStates(), BeliefSync.changes(base.beliefs(), current,
                BeliefSync.DEFAULT_THRESHOLD_CODES).orElseThrow())))).applyTo(base.sequence(), base.beliefs());
        assertThat(rebuilt.agents()).hasSize(AGENTS);
      }
      report.append(String.format(" tick %d: %d / %d;", tick, snapshot, delta));
      largest = Math.max(largest, Math.max(snapshot, delta));
    }
    report.append(String.format(" quantisation L1 error max %.2e (bound max %.2e)", maxL1, maxBound));
    System.out.println(report);
    assertThat(largest).isLessThanOrEqualTo(TARGET_BYTES);
  }

  @Test
  void evenBeliefsWithoutRepeatedCodesFitInThreeKilobytes() throws Exception {
    List<AgentBeliefs> agents = new ArrayList<>(AGENTS);
    for (int agent = 0; agent < AGENTS; agent++) {
      double[] weights = new double[25];
      for (int i = 0; i < 25; i++) {
        weights[(i + agent) % 25] = Math.exp(-0.7 * i);
      }
      agents.add(new AgentBeliefs(agent, 9_000, List.of(BeliefCodes.quantize(weights))));
    }
    BeliefSet dense = new BeliefSet(List.of(25), agents);
    int snapshot = WireCodec.encode(new BeliefSnapshot(HEADER, dense)).length;
    int delta = WireCodec.encode(new BeliefDelta(HEADER, 1, List.of(25),
        BeliefSync.changes(new BeliefSet(List.of(25), List.of()), dense, 0).orElseThrow())).length;
    System.out.println("grid:5 worst case (25 distinct codes per agent): snapshot " + snapshot + ", delta " + delta);
    int frameOverhead = 3 + (1 + HEADER.deviceId().length()) + 3 + 6 + 4;
    int shapeAndCount = 1 + 1 + 1;
    int firstTickExtra = 2;
    assertThat(snapshot).isEqualTo(frameOverhead + shapeAndCount + firstTickExtra + AGENTS * (1 + 1 + 1 + 25));
    assertThat(Math.max(snapshot, delta)).isLessThanOrEqualTo(TARGET_BYTES);
  }
}
