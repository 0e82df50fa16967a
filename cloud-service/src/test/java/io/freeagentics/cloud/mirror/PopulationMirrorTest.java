package io.freeagentics.cloud.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.ingest.internal.BeliefFixtures;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.model.json.ModelJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PopulationMirrorTest {
  private PopulationMirror mirror;

  @AfterEach
  void tearDown() {
    if (mirror != null) {
      mirror.close();
    }
  }

  private static BeliefsStored stored(String device, long sequence, BeliefSet state) {
    return new BeliefsStored("f", device, sequence, 0, state, state.agents().stream().map(AgentBeliefs::agentId)
        .toList());
  }

  @Test
  void mirrorsTheSyncedBeliefsOfEveryAgentAsFloats() throws Exception {
    mirror = new PopulationMirror(new ConfiguredMirrorModels("grid:5"), 64, 10_000);
    BeliefSet state = BeliefFixtures.grid(25, 3);
    mirror.stored(List.of(stored("d1", 7, state), stored("d2", 1, BeliefFixtures.grid(10, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    List<MirroredAgent> agents = mirror.agents("f", "d1");
    assertThat(agents).hasSize(25);
    for (MirroredAgent agent : agents) {
      double[] expected = state.agent(agent.agent()).factors().get(0).probabilities();
      float[] mirrored = agent.beliefs().get(0);
      for (int s = 0; s < expected.length; s++) {
        assertThat((double) mirrored[s]).isCloseTo(expected[s], within(1e-6));
      }
      assertThat(agent.tick()).isEqualTo(3);
      assertThat(agent.sequence()).isEqualTo(7);
      assertThat(agent.model()).isEqualTo(BuiltInModels.grid(5).name());
    }
    MirrorStats stats = mirror.stats();
    assertThat(stats.devices()).isEqualTo(2);
    assertThat(stats.agents()).isEqualTo(35);
    assertThat(stats.capacity()).isEqualTo(64);
    assertThat(stats.bytesPerAgent()).isPositive();
    System.out.println("mirror of grid:5: " + stats.bytesPerAgent() + " bytes per mirrored agent (" + stats + ")");
  }

  @Test
  void keepsTheNewestTickAndGrowsByChunks() throws Exception {
    mirror = new PopulationMirror(new ConfiguredMirrorModels("grid:5"), 8, 100);
    BeliefSet newer = BeliefFixtures.grid(20, 9);
    BeliefSet older = BeliefFixtures.grid(20, 4);
    mirror.stored(List.of(stored("d", 20, newer)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    mirror.stored(List.of(stored("d", 10, older)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    assertThat(mirror.agent("f", "d", 5).orElseThrow().tick()).isEqualTo(9);
    assertThat(mirror.stats().capacity()).isEqualTo(24);
    assertThat(mirror.agent("f", "d", 20)).isEmpty();
    assertThat(mirror.agent("f", "unknown", 0)).isEmpty();
  }

  @Test
  void skipsBeliefsThatDoNotFitTheModelAndAgentsBeyondTheLimit() throws Exception {
    mirror = new PopulationMirror(new ConfiguredMirrorModels("grid:5"), 4, 6);
    BeliefSet wrongShape = new BeliefSet(List.of(4), List.of(new AgentBeliefs(0, 1,
        List.of(BeliefCodes.quantize(new double[] {0.7, 0.1, 0.1, 0.1})))));
    mirror.stored(List.of(stored("small", 1, wrongShape), stored("big", 1, BeliefFixtures.grid(10, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    assertThat(mirror.stats().shapeMismatches()).isEqualTo(1);
    assertThat(mirror.stats().agents()).isEqualTo(6);
    assertThat(mirror.stats().full()).isEqualTo(4);
    assertThat(mirror.agents("f", "small")).isEmpty();
  }

  @Test
  void predictsTheOutcomesTheAgentExpectsWithItsModel() throws Exception {
    GenerativeModel model = BuiltInModels.grid(5);
    mirror = new PopulationMirror((fleet, device) -> Optional.of(model), 16, 100);
    mirror.stored(List.of(stored("d", 1, BeliefFixtures.grid(3, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    MirrorPrediction prediction = mirror.predict("f", "d", 2).orElseThrow();
    float[] q = mirror.agent("f", "d", 2).orElseThrow().beliefs().get(0);
    double[] outcomes = prediction.outcomes().get(0);
    double sum = 0;
    for (int o = 0; o < outcomes.length; o++) {
      double expected = 0;
      for (int s = 0; s < q.length; s++) {
        expected += model.a(0).get(o, s) * q[s];
      }
      assertThat(outcomes[o]).isCloseTo(expected, within(1e-12));
      sum += outcomes[o];
    }
    assertThat(sum).isCloseTo(1.0, within(1e-5));
    assertThat(mirror.predict("f", "d", 99)).isEmpty();
  }

  /** Models set per device by the test, the same instance for the same model. */
  private static final class DeviceModels implements MirrorModels {
    final Map<String, GenerativeModel> models = new ConcurrentHashMap<>();

    @Override
    public Optional<GenerativeModel> model(String fleet, String device) {
      return Optional.ofNullable(models.get(fleet + "/" + device));
    }
  }

  private static void assertPredictsWith(PopulationMirror mirror, GenerativeModel model, String device, int agent) {
    float[] q = mirror.agent("f", device, agent).orElseThrow().beliefs().get(0);
    double[] expected = MirrorFixtures.expectedOutcomes(model, q);
    double[] predicted = mirror.predict("f", device, agent).orElseThrow().outcomes().get(0);
    assertThat(predicted).hasSize(expected.length);
    for (int o = 0; o < expected.length; o++) {
      assertThat(predicted[o]).isCloseTo(expected[o], within(1e-12));
    }
  }

  @Test
  void aDeviceWhoseModelChangesLeavesTheOldPopulationAndIsMirroredInTheNewOne() throws Exception {
    GenerativeModel grid5 = BuiltInModels.grid(5);
    GenerativeModel grid3 = BuiltInModels.grid(3);
    DeviceModels models = new DeviceModels();
    models.models.put("f/d", grid5);
    mirror = new PopulationMirror(models, 16, 1000);
    mirror.stored(List.of(MirrorFixtures.stored("f", "d", 1, MirrorFixtures.beliefs(25, 20, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertThat(mirror.agents("f", "d")).hasSize(20).allMatch(a -> a.model().equals(grid5.name()));

    models.models.put("f/d", grid3);
    // Known to have changed, not yet mirrored with the new model: nothing, rather than grid:5 beliefs.
    assertThat(mirror.agents("f", "d")).isEmpty();
    assertThat(mirror.agent("f", "d", 0)).isEmpty();
    assertThat(mirror.predict("f", "d", 0)).isEmpty();
    assertThat(mirror.model("f", "d")).isEmpty();

    BeliefSet nine = MirrorFixtures.beliefs(9, 12, 2);
    mirror.stored(List.of(MirrorFixtures.stored("f", "d", 2, nine)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    List<MirroredAgent> agents = mirror.agents("f", "d");
    assertThat(agents).hasSize(12).allMatch(a -> a.model().equals(grid3.name()) && a.beliefs().get(0).length == 9);
    assertThat(mirror.agent("f", "d", 15)).isEmpty();
    assertThat(mirror.model("f", "d")).containsSame(grid3);
    assertPredictsWith(mirror, grid3, "d", 4);
    MirrorStats stats = mirror.stats();
    assertThat(stats.devices()).isEqualTo(1);
    assertThat(stats.agents()).isEqualTo(12);
    assertThat(stats.modelChanges()).isEqualTo(1);
    // The grid:5 population held no other device: it was closed.
    assertThat(stats.models()).isEqualTo(1);
    assertThat(stats.capacity()).isEqualTo(16);
  }

  @Test
  void aChangeToAModelOfTheSameSizesPredictsWithTheNewModel() throws Exception {
    GenerativeModel sharp = BuiltInModels.grid(3, 0.1);
    GenerativeModel blurred = BuiltInModels.grid(3, 0.6);
    DeviceModels models = new DeviceModels();
    models.models.put("f/d", sharp);
    mirror = new PopulationMirror(models, 16, 1000);
    mirror.stored(List.of(MirrorFixtures.stored("f", "d", 1, MirrorFixtures.beliefs(9, 5, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertPredictsWith(mirror, sharp, "d", 2);

    models.models.put("f/d", blurred);
    assertThat(mirror.predict("f", "d", 2)).isEmpty();
    mirror.stored(List.of(MirrorFixtures.stored("f", "d", 2, MirrorFixtures.beliefs(9, 5, 3))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertThat(mirror.agent("f", "d", 2).orElseThrow().model()).isEqualTo(blurred.name());
    assertPredictsWith(mirror, blurred, "d", 2);
    assertThat(mirror.agent("f", "d", 2).orElseThrow().tick()).isEqualTo(3);
  }

  @Test
  void slotsOfADeviceThatLeftAPopulationAreReusedAndTheOtherDevicesKeepTheirBeliefs() throws Exception {
    GenerativeModel grid5 = BuiltInModels.grid(5);
    GenerativeModel grid3 = BuiltInModels.grid(3);
    DeviceModels models = new DeviceModels();
    models.models.put("f/leaving", grid5);
    models.models.put("f/staying", grid5);
    mirror = new PopulationMirror(models, 8, 1000);
    BeliefSet staying = MirrorFixtures.beliefs(25, 6, 4);
    mirror.stored(List.of(MirrorFixtures.stored("f", "leaving", 1, MirrorFixtures.beliefs(25, 6, 1)),
        MirrorFixtures.stored("f", "staying", 1, staying)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertThat(mirror.stats().capacity()).isEqualTo(16);

    models.models.put("f/leaving", grid3);
    mirror.stored(List.of(MirrorFixtures.stored("f", "leaving", 2, MirrorFixtures.beliefs(9, 6, 2))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertThat(mirror.stats().capacity()).isEqualTo(16 + 8);
    assertThat(mirror.stats().models()).isEqualTo(2);

    models.models.put("f/arriving", grid5);
    BeliefSet arriving = MirrorFixtures.beliefs(25, 6, 7);
    mirror.stored(List.of(MirrorFixtures.stored("f", "arriving", 1, arriving)));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    MirrorStats stats = mirror.stats();
    assertThat(stats.capacity()).as("the arriving device took the freed grid:5 slots").isEqualTo(16 + 8);
    assertThat(stats.agents()).isEqualTo(18);
    assertThat(stats.devices()).isEqualTo(3);
    for (int a = 0; a < 6; a++) {
      assertMirrors(staying, "staying", a);
      assertMirrors(arriving, "arriving", a);
    }
    assertThat(mirror.agents("f", "leaving")).hasSize(6).allMatch(m -> m.model().equals(grid3.name()));
  }

  private void assertMirrors(BeliefSet state, String device, int agent) {
    double[] expected = state.agent(agent).factors().get(0).probabilities();
    MirroredAgent mirrored = mirror.agent("f", device, agent).orElseThrow();
    assertThat(mirrored.tick()).isEqualTo(state.agent(agent).tick());
    float[] q = mirrored.beliefs().get(0);
    for (int s = 0; s < expected.length; s++) {
      assertThat((double) q[s]).isCloseTo(expected[s], within(1e-6));
    }
  }

  @Test
  void devicesOnOneAppliedModelShareOnePopulationAndAnUnreadableModelIsNotMirrored() throws Exception {
    MirrorFixtures.Applied applied = new MirrorFixtures.Applied();
    String json = ModelJson.write(BuiltInModels.grid(3));
    applied.apply("f", "a", "grid3", 1, 1, json);
    applied.apply("f", "b", "grid3", 1, 2, json);
    applied.apply("f", "bad", "grid3", 2, 3, "not a model");
    ConfiguredMirrorModels configured = new ConfiguredMirrorModels("grid:5");
    mirror = new PopulationMirror(new TwinMirrorModels(applied, configured, 8), 64, 1000);
    mirror.stored(List.of(MirrorFixtures.stored("f", "a", 1, MirrorFixtures.beliefs(9, 10, 1)),
        MirrorFixtures.stored("f", "b", 1, MirrorFixtures.beliefs(9, 10, 1)),
        MirrorFixtures.stored("f", "bad", 1, MirrorFixtures.beliefs(9, 10, 1)),
        MirrorFixtures.stored("f", "fallback", 1, MirrorFixtures.beliefs(25, 10, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();

    MirrorStats stats = mirror.stats();
    assertThat(stats.models()).as("grid3 v1 for a and b, grid:5 for fallback").isEqualTo(2);
    assertThat(stats.devices()).isEqualTo(3);
    assertThat(stats.agents()).isEqualTo(30);
    assertThat(stats.capacity()).isEqualTo(128);
    assertThat(stats.unknownModel()).isEqualTo(1);
    assertThat(mirror.model("f", "a").orElseThrow()).isSameAs(mirror.model("f", "b").orElseThrow());
    assertThat(mirror.model("f", "fallback").orElseThrow()).isSameAs(configured.model("f", "x").orElseThrow());
    assertThat(mirror.agents("f", "bad")).isEmpty();
    assertPredictsWith(mirror, mirror.model("f", "a").orElseThrow(), "b", 3);
  }
}
