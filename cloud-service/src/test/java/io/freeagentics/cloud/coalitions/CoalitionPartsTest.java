package io.freeagentics.cloud.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.freeagentics.model.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of a round: agent ids, preferred outcomes, capability bits. */
class CoalitionPartsTest {

  @Test
  void agentIdsRoundTripAndAreRejectedOutOfRange() {
    long id = AgentIds.id(7, 123);
    assertThat(id).isEqualTo(7L * (1L << 32) + 123);
    assertThat(AgentIds.deviceNumber(id)).isEqualTo(7);
    assertThat(AgentIds.agent(id)).isEqualTo(123);
    long max = AgentIds.id(Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertThat(max).isPositive();
    assertThat(AgentIds.agent(max)).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> AgentIds.id(0, 1)).hasMessageContaining("deviceNumber").hasMessageContaining("0");
    assertThatThrownBy(() -> AgentIds.id(1, -1)).hasMessageContaining("agent must be >= 0 but was -1");
  }

  @Test
  void preferredOutcomesAreSoftmaxOfCTimesThePredictedOutcomes() {
    Tensor c = Tensor.vector(0, 0, Math.log(4));
    double[] predicted = {0.5, 0.25, 0.25};
    double[] q = PreferredOutcomes.of(c, predicted).orElseThrow();
    // softmax(C) = (1, 1, 4) / 6; times p = (0.5, 0.25, 1.0) / 6; normalised: (0.5, 0.25, 1) / 1.75.
    assertThat(q[0]).isCloseTo(0.5 / 1.75, within(1e-12));
    assertThat(q[1]).isCloseTo(0.25 / 1.75, within(1e-12));
    assertThat(q[2]).isCloseTo(1.0 / 1.75, within(1e-12));
    // Large preferences do not overflow.
    double[] big = PreferredOutcomes.of(Tensor.vector(1000, 0), new double[] {0.5, 0.5}).orElseThrow();
    assertThat(big[0]).isCloseTo(1.0, within(1e-12));
    assertThat(PreferredOutcomes.of(Tensor.vector(0, 0), new double[] {0.5, 0.25, 0.25})).isEmpty();
    assertThat(PreferredOutcomes.of(Tensor.vector(0, 0), new double[] {0, 0})).isEmpty();
  }

  @Test
  void capabilityBitsStayPutAndStartOverWhenFull() {
    CapabilityBits bits = new CapabilityBits();
    assertThat(bits.assign(List.of("camera", "lidar"))).isTrue();
    long camera = bits.mask(List.of("camera"));
    assertThat(bits.assign(List.of("drone", "lidar", "camera"))).isTrue();
    assertThat(bits.mask(List.of("camera"))).isEqualTo(camera);
    assertThat(Long.bitCount(bits.mask(List.of("camera", "lidar", "drone")))).isEqualTo(3);

    List<String> sixtyFour = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "n" + i).toList();
    assertThat(bits.assign(sixtyFour)).isFalse(); // 3 old names + 64 new ones do not fit: start over
    assertThat(bits.mask(sixtyFour)).isEqualTo(-1L);
    assertThatThrownBy(() -> bits.mask(List.of("camera"))).isInstanceOf(IllegalStateException.class);
    List<String> tooMany = java.util.stream.IntStream.range(0, 65).mapToObj(i -> "m" + i).toList();
    assertThatThrownBy(() -> bits.assign(tooMany)).hasMessageContaining("65 distinct capability names");
  }
}
