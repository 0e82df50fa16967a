package io.freeagentics.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  @Test
  void jsonCarriesTheKeysTheIssueNames() {
    DemoSummary summary = new DemoSummary(3, 25, 30.04, 90, 90, 0, 0, 2, 2250, 75.04, 12.0, 48.26, 3, 3, 0, 1, 4);
    assertThat(summary.fields()).containsKeys("published", "persisted", "lost", "duplicates", "e2e_p50_ms",
        "e2e_p99_ms", "events_published", "events_stored", "events_lost");
    assertThat(summary.fields()).containsEntry("published", 90L).containsEntry("lost", 0L)
        .containsEntry("e2e_p99_ms", 48.3).containsEntry("seconds", 30.0);
  }

  @Test
  void textNamesEveryCount() {
    String text = new DemoSummary(3, 25, 30, 90, 89, 1, 0, 2, 2225, 74.2, 12, 48, 5, 4, 1, 1, 4).text();
    assertThat(text).contains("90 published", "89 persisted", "1 lost", "0 duplicates", "p50 12.0 ms",
        "p99 48.0 ms", "device events: 5 published, 4 stored, 1 lost", "1 fleet hosts killed",
        "4 broker connections cut");
  }
}
