package io.freeagentics.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudLedgerTest {
  @Test
  void quantilesUseTheNearestRank() {
    long[] latency = new long[100];
    for (int i = 0; i < latency.length; i++) {
      latency[i] = i + 1;
    }
    CloudLedger ledger = new CloudLedger(Map.of("a", 60L, "b", 40L), Map.of("a", 2L, "b", 1L), 2500, 0, 0,
        latency);
    assertThat(ledger.messages()).isEqualTo(100);
    assertThat(ledger.events()).isEqualTo(3);
    assertThat(ledger.latencyQuantile(0.5)).isEqualTo(50);
    assertThat(ledger.latencyQuantile(0.99)).isEqualTo(99);
    assertThat(ledger.latencyQuantile(1.0)).isEqualTo(100);
  }

  @Test
  void noMessagesHaveNoLatency() {
    assertThat(new CloudLedger(Map.of(), Map.of(), 0, 0, 0, new long[0]).latencyQuantile(0.5)).isNaN();
  }
}
