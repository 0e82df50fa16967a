package io.freeagentics.edge;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.Tensor;
import java.util.List;

/**
 * A small model that fits the built-in profiles' wiring: modalities soil moisture (3 outcomes), light (2), motion
 * (2); factors pump (2 states, off/on) and lamp (3 states, 0/50/100 %), each set by its own action. Soil moisture
 * mostly reports the lamp level, light the pump state, motion carries no information.
 */
final class GardenModel {
  private GardenModel() {}

  static GenerativeModel create() {
    int[] states = {2, 3};
    try {
      return GenerativeModel.builder(states, new int[] {3, 2, 2}, new int[] {2, 3}).name("garden")
          .a(List.of(likelihood(3, (o, pump, lamp) -> o == lamp ? 0.8 : 0.1),
              likelihood(2, (o, pump, lamp) -> o == pump ? 0.9 : 0.1),
              likelihood(2, (o, pump, lamp) -> 0.5)))
          .b(List.of(setByAction(2), setByAction(3)))
          .c(List.of(Tensor.vector(0, 0, 1), Tensor.vector(0, 0), Tensor.vector(0, 0)))
          .build();
    } catch (ModelValidationException e) {
      throw new IllegalStateException("the garden model is invalid: " + e.getMessage(), e);
    }
  }

  private interface Entry {
    double at(int outcome, int pump, int lamp);
  }

  private static Tensor likelihood(int outcomes, Entry entry) {
    double[] data = new double[outcomes * 2 * 3];
    for (int o = 0; o < outcomes; o++) {
      for (int pump = 0; pump < 2; pump++) {
        for (int lamp = 0; lamp < 3; lamp++) {
          data[(o * 2 + pump) * 3 + lamp] = entry.at(o, pump, lamp);
        }
      }
    }
    return Tensor.of(new int[] {outcomes, 2, 3}, data);
  }

  /** {@code B[next][prev][u] = 1} when {@code next == u}: the action sets the state. */
  private static Tensor setByAction(int states) {
    double[] data = new double[states * states * states];
    for (int next = 0; next < states; next++) {
      for (int prev = 0; prev < states; prev++) {
        data[(next * states + prev) * states + next] = 1;
      }
    }
    return Tensor.of(new int[] {states, states, states}, data);
  }
}
