package io.freeagentics.coalitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.coalitions.CoalitionConfig;
import org.junit.jupiter.api.Test;

class QualityEvaluationTest {
  /** The bar: on populations of at most 12 agents, the greedy reaches on average 95% of the optimum. */
  @Test
  void meanRatioToTheExhaustiveOptimumIsAtLeast95Percent() {
    QualityEvaluation.Summary s = QualityEvaluation.run(CoalitionConfig.defaults(), 300, 12, 0.5, 7, null);
    assertThat(s.trials()).isEqualTo(300);
    assertThat(s.meanRatio()).isGreaterThanOrEqualTo(0.95).isLessThanOrEqualTo(1.0 + 1e-9);
    assertThat(s.minRatio()).isGreaterThanOrEqualTo(0.0);
    assertThat(s.meanOptimumValue()).isGreaterThan(0.0);
  }

  @Test
  void holdsForOtherPenaltiesAndRanges() {
    for (double lambda : new double[] {0.1, 0.5}) {
      QualityEvaluation.Summary s = QualityEvaluation.run(CoalitionConfig.defaults().withLambda(lambda).withK(2), 100,
          12, 0.4, 3, null);
      assertThat(s.meanRatio()).as("lambda %s", lambda).isGreaterThanOrEqualTo(0.95);
    }
  }
}
