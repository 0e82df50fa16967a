package io.freeagentics.cloud.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.json.ModelJson;
import org.junit.jupiter.api.Test;

/** Which model the mirror uses for a device: its applied model update, else the configured model. */
class TwinMirrorModelsTest {
  private final ConfiguredMirrorModels configured = new ConfiguredMirrorModels("grid:5");
  private final MirrorFixtures.Applied applied = new MirrorFixtures.Applied();
  private final TwinMirrorModels models = new TwinMirrorModels(applied, configured, 8);

  @Test
  void aDeviceRunsTheModelItAppliedAndTheOthersTheConfiguredOne() {
    applied.apply("f", "updated", "grid3", 2, 10, ModelJson.write(BuiltInModels.grid(3)));

    GenerativeModel updated = models.model("f", "updated").orElseThrow();
    assertThat(updated.numStates()).containsExactly(9);
    assertThat(ModelJson.write(updated)).isEqualTo(ModelJson.write(BuiltInModels.grid(3)));
    GenerativeModel other = models.model("f", "other").orElseThrow();
    assertThat(other).isSameAs(configured.model("f", "other").orElseThrow());
    assertThat(other.numStates()).containsExactly(25);
    // The same device on another fleet is another device.
    assertThat(models.model("g", "updated").orElseThrow()).isSameAs(other);
  }

  @Test
  void devicesOnOneNameAndVersionShareOneModelReadOnce() {
    String json = ModelJson.write(BuiltInModels.grid(3));
    applied.apply("f", "a", "grid3", 2, 10, json);
    applied.apply("f", "b", "grid3", 2, 11, json);
    applied.apply("f", "c", "grid3", 3, 12, json);

    GenerativeModel a = models.model("f", "a").orElseThrow();
    assertThat(models.model("f", "b").orElseThrow()).isSameAs(a);
    assertThat(models.model("f", "a").orElseThrow()).isSameAs(a);
    assertThat(models.model("f", "c").orElseThrow()).isNotSameAs(a);
    assertThat(models.reads()).isEqualTo(2);
    assertThat(applied.payloadReads.get()).isEqualTo(2);
  }

  @Test
  void aNewlyAppliedModelIsUsedFromTheNextCall() {
    applied.apply("f", "d", "grid3", 1, 10, ModelJson.write(BuiltInModels.grid(3)));
    assertThat(models.model("f", "d").orElseThrow().numStates()).containsExactly(9);
    applied.apply("f", "d", "grid4", 1, 11, ModelJson.write(BuiltInModels.grid(4)));
    assertThat(models.model("f", "d").orElseThrow().numStates()).containsExactly(16);
  }

  @Test
  void anUnreadableModelFileMeansTheDeviceIsNotMirroredAndIsReadOnce() {
    applied.apply("f", "bad", "broken", 1, 20, "{\"num_states\": [2");
    applied.apply("f", "gone", "gone", 1, 21, "unused");
    applied.payloads.remove(21L);
    applied.apply("f", "good", "grid3", 1, 22, ModelJson.write(BuiltInModels.grid(3)));

    assertThat(models.model("f", "bad")).isEmpty();
    assertThat(models.model("f", "bad")).isEmpty();
    assertThat(models.model("f", "gone")).isEmpty();
    assertThat(models.model("f", "good")).isPresent();
    assertThat(models.unreadable()).isEqualTo(2);
    assertThat(applied.payloadReads.get()).isEqualTo(3);
  }

  @Test
  void badArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> new TwinMirrorModels(applied, configured, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-models").hasMessageContaining("0");
    assertThatThrownBy(() -> models.model("bad fleet", "d"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fleet");
  }
}
