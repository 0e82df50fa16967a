package io.freeagentics.cloud.mirror.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.model.BuiltInModels;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slots of one model's mirror: a removed device frees its slots, and new agents take them first. */
class ModelMirrorTest {
  private final ModelMirror mirror = new ModelMirror(BuiltInModels.grid(2), 4, 8);

  @AfterEach
  void tearDown() {
    mirror.close();
  }

  private static float[][] sureOf(int cell) {
    float[] q = new float[4];
    q[cell] = 1;
    return new float[][] {q};
  }

  @Test
  void aRemovedDeviceFreesItsSlotsForTheNextAgents() {
    for (int a = 0; a < 3; a++) {
      assertThat(mirror.set("f", "old", a, 1, 1, sureOf(0))).isEqualTo(ModelMirror.Outcome.UPDATED);
      assertThat(mirror.set("f", "kept", a, 1, 1, sureOf(1))).isEqualTo(ModelMirror.Outcome.UPDATED);
    }
    assertThat(mirror.capacity()).isEqualTo(8);

    assertThat(mirror.remove("f", "old")).isEqualTo(3);
    assertThat(mirror.remove("f", "old")).isZero();
    assertThat(mirror.read("f", "old", 0)).isNull();
    assertThat(mirror.agents("f", "old")).isEmpty();
    assertThat(mirror.agents()).isEqualTo(3);
    assertThat(mirror.devices()).isEqualTo(1);

    for (int a = 0; a < 5; a++) {
      assertThat(mirror.set("f", "new", a, 2, 1, sureOf(a % 4))).isEqualTo(ModelMirror.Outcome.UPDATED);
    }
    assertThat(mirror.capacity()).as("3 freed slots and 2 fresh ones of the second chunk").isEqualTo(8);
    assertThat(mirror.set("f", "new", 5, 2, 1, sureOf(0))).isEqualTo(ModelMirror.Outcome.FULL);
    for (int a = 0; a < 5; a++) {
      assertThat(mirror.read("f", "new", a).beliefs()[0]).containsExactly(sureOf(a % 4)[0]);
      assertThat(mirror.read("f", "new", a).tick()).isEqualTo(2);
    }
    for (int a = 0; a < 3; a++) {
      assertThat(mirror.read("f", "kept", a).beliefs()[0]).containsExactly(sureOf(1)[0]);
    }
    assertThat(mirror.agents("f", "new")).isEqualTo(List.of(0, 1, 2, 3, 4));
    // A device mirrored again after its removal starts afresh: an older tick than before is taken.
    assertThat(mirror.remove("f", "kept")).isEqualTo(3);
    assertThat(mirror.set("f", "kept", 0, 0, 0, sureOf(3))).isEqualTo(ModelMirror.Outcome.UPDATED);
  }
}
