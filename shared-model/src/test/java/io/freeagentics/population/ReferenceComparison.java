package io.freeagentics.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.freeagentics.engine.StepResult;
import io.freeagentics.model.GenerativeModel;

/** Compares one agent of a population with the reference engine's result at the tolerances of the issue. */
final class ReferenceComparison {
  static final double BELIEF_TOLERANCE = 1e-4;
  static final double PROBABILITY_TOLERANCE = 1e-3;
  static final double VFE_RELATIVE_TOLERANCE = 1e-3;

  private ReferenceComparison() {}

  /** Beliefs of every factor within 1e-4. */
  static void assertBeliefs(Population population, int agent, StepResult expected, String where) {
    GenerativeModel model = population.model();
    for (int f = 0; f < model.numFactors(); f++) {
      float[] q = new float[model.numStates(f)];
      population.beliefs(agent, f, q);
      for (int s = 0; s < q.length; s++) {
        assertThat((double) q[s]).as("%s: agent %d qs[%d][%d]", where, agent, f, s)
            .isCloseTo(expected.qs()[f][s], offset(BELIEF_TOLERANCE));
      }
    }
  }

  /** Policy posterior and action probabilities within 1e-3. */
  static void assertPolicies(Population population, int agent, StepResult expected, String where) {
    GenerativeModel model = population.model();
    float[] qPi = new float[model.numPolicies()];
    population.policyPosterior(agent, qPi);
    for (int k = 0; k < qPi.length; k++) {
      assertThat((double) qPi[k]).as("%s: agent %d q_pi[%d]", where, agent, k)
          .isCloseTo(expected.qPi()[k], offset(PROBABILITY_TOLERANCE));
    }
    for (int f = 0; f < model.numFactors(); f++) {
      float[] p = new float[model.numControls(f)];
      population.actionProbabilities(agent, f, p);
      for (int u = 0; u < p.length; u++) {
        assertThat((double) p[u]).as("%s: agent %d p_action[%d][%d]", where, agent, f, u)
            .isCloseTo(expected.pAction()[f][u], offset(PROBABILITY_TOLERANCE));
      }
    }
  }

  /** Variational free energy within 1e-3 relative (with an absolute floor of 1e-3 for values near 0). */
  static void assertVfe(float actual, double expected, String where) {
    assertThat((double) actual).as("%s: vfe", where)
        .isCloseTo(expected, offset(VFE_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(expected))));
  }
}
