package io.freeagentics.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentTest {
  private static final long CELL = 0x891f1d48177ffffL;

  @Test
  void copiesTheDistributionInAndOut() {
    double[] p = {0.25, 0.75};
    Agent a = new Agent(1, CELL, Agent.capabilities(0, 3), p);
    p[0] = 9;
    assertThat(a.preferredOutcome()).containsExactly(0.25, 0.75);
    a.preferredOutcome()[0] = 7;
    assertThat(a.preferredOutcome(0)).isEqualTo(0.25);
    assertThat(a.capabilities()).isEqualTo(0b1001L);
    assertThat(a).isEqualTo(new Agent(1, CELL, 0b1001L, new double[] {0.25, 0.75}));
  }

  @Test
  void rejectsNanNamingAgentAndIndex() {
    assertThatThrownBy(() -> new Agent(42, CELL, 0, new double[] {0.5, Double.NaN, 0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agent 42")
        .hasMessageContaining("preferredOutcome[1] = NaN");
  }

  @Test
  void rejectsNegativeProbability() {
    assertThatThrownBy(() -> new Agent(7, CELL, 0, new double[] {1.5, -0.5}))
        .hasMessageContaining("agent 7")
        .hasMessageContaining("preferredOutcome[1] = -0.5");
  }

  @Test
  void rejectsDistributionNotSummingToOne() {
    assertThatThrownBy(() -> new Agent(3, CELL, 0, new double[] {0.5, 0.4}))
        .hasMessageContaining("agent 3")
        .hasMessageContaining("sums to 0.9");
  }

  @Test
  void rejectsEmptyAndNullDistributions() {
    assertThatThrownBy(() -> new Agent(5, CELL, 0, new double[0])).hasMessageContaining("agent 5: preferredOutcome is empty");
    assertThatThrownBy(() -> new Agent(6, CELL, 0, null)).hasMessageContaining("agent 6: preferredOutcome is null");
  }

  @Test
  void acceptsSumWithinTolerance() {
    assertThat(new Agent(1, CELL, 0, new double[] {0.5, 0.5 + 1e-7}).outcomes()).isEqualTo(2);
  }

  @Test
  void capabilityIdsOutsideTheMaskAreRejected() {
    assertThatThrownBy(() -> Agent.capabilities(1, 64)).hasMessageContaining("ids[1] = 64");
    assertThatThrownBy(() -> Agent.capabilities(-1)).hasMessageContaining("ids[0] = -1");
    assertThat(Agent.capabilities(63)).isEqualTo(Long.MIN_VALUE);
  }
}
