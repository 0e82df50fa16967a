package io.freeagentics.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoalitionConfigTest {
  @Test
  void defaultsAreValid() {
    CoalitionConfig c = CoalitionConfig.defaults();
    assertThat(c.resolution()).isEqualTo(9);
    assertThat(c.k()).isEqualTo(1);
    assertThat(c.decayTable()).containsExactly(1.0, 0.5);
  }

  @Test
  void listsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new CoalitionConfig(16, -1, -0.5, DistanceDecay.constant(), Double.NaN, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 problems")
        .hasMessageContaining("resolution = 16")
        .hasMessageContaining("k = -1")
        .hasMessageContaining("lambda = -0.5")
        .hasMessageContaining("alpha = NaN")
        .hasMessageContaining("beta = -1.0");
  }

  @Test
  void checksTheDecayTable() {
    assertThatThrownBy(() -> CoalitionConfig.defaults().withK(2).withDecay((d, k) -> d == 2 ? -1 : 1))
        .hasMessageContaining("decay.at(2, 2) = -1.0");
    assertThatThrownBy(() -> CoalitionConfig.defaults().withDecay(null)).hasMessageContaining("decay is null");
  }

  @Test
  void decaysHaveTheDocumentedShape() {
    assertThat(DistanceDecay.linear().at(1, 3)).isEqualTo(0.75);
    assertThat(DistanceDecay.exponential(2).at(2, 5)).isEqualTo(0.5);
    assertThat(DistanceDecay.constant().at(4, 4)).isEqualTo(1.0);
    assertThatThrownBy(() -> DistanceDecay.exponential(0)).hasMessageContaining("halfDistance");
  }
}
