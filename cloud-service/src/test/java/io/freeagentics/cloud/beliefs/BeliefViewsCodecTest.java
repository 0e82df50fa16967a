package io.freeagentics.cloud.beliefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Redis form of cached belief lists: exact round trip; foreign bytes are refused, never misread. */
class BeliefViewsCodecTest {
  private final BeliefViewsCodec codec = new BeliefViewsCodec();

  @Test
  void viewsSurviveTheRoundTripExactly() throws IOException {
    List<AgentBeliefView> views = List.of(
        new AgentBeliefView("farm", "dev-1", 0, 42, 7, 1_700_000_000_000L, 1_700_000_000_123L,
            List.of(new double[] {0.9, 0.05, 0.05}, new double[] {Math.PI / 4, 1 - Math.PI / 4})),
        new AgentBeliefView("farm", "dev-1", 3, 41, 6, 1, 2, List.of(new double[] {1.0})));

    assertThat(codec.decode(codec.encode(views))).isEqualTo(views);
    assertThat(codec.decode(codec.encode(List.of()))).isEmpty();
  }

  @Test
  void foreignOrDamagedBytesAreRefused() {
    byte[] good = codec.encode(List.of(new AgentBeliefView("f", "d", 0, 1, 1, 1, 1, List.of(new double[] {1.0}))));
    byte[] otherVersion = good.clone();
    otherVersion[0] = 2;

    assertThatThrownBy(() -> codec.decode(otherVersion)).isInstanceOf(IOException.class)
        .hasMessage("cached beliefs have version 2, expected 1");
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length - 3))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length + 1))).isInstanceOf(IOException.class)
        .hasMessage("cached beliefs have 1 trailing bytes");
    assertThatThrownBy(() -> codec.decode("{\"json\":true}".getBytes())).isInstanceOf(IOException.class);
  }
}
