package io.freeagentics.coalitions.internal;

import io.freeagentics.coalitions.StandardValueFunction;
import io.freeagentics.coalitions.ValueFunction;

/**
 * w_ij between two agent slots at grid distance d, as the engine evaluates it. {@link #of} gives a fast kernel for
 * the {@link StandardValueFunction} (cached sums of p·ln p, so one log per outcome per pair) and an adapter for
 * any other {@link ValueFunction}.
 */
abstract class PairKernel {
  abstract double weight(int i, int j, int d);

  static PairKernel of(ValueFunction function, AgentTable table) {
    if (function instanceof StandardValueFunction standard) {
      return new Standard(standard, table);
    }
    return new Generic(function, table);
  }

  /** The standard function: JSD(p, q) = (sum p ln p + sum q ln q) / 2 - sum m ln m, m = (p + q) / 2. */
  static final class Standard extends PairKernel {
    private static final double INV_LN2 = 1.0 / Math.log(2.0);
    private final AgentTable t;
    private final double[] decay;
    private final double alpha;
    private final double beta;

    Standard(StandardValueFunction f, AgentTable t) {
      this.t = t;
      this.decay = f.decayTable();
      this.alpha = f.alpha();
      this.beta = f.beta();
    }

    @Override
    double weight(int i, int j, int d) {
      double g = decay[d];
      if (g == 0) {
        return 0;
      }
      double[] dist = t.dist;
      int stride = t.stride;
      int pi = i * stride;
      int qi = j * stride;
      double mlogm = 0;
      for (int o = 0; o < stride; o++) {
        double m = 0.5 * (dist[pi + o] + dist[qi + o]);
        if (m > 0) {
          mlogm += m * Math.log(m);
        }
      }
      double js = (0.5 * (t.plogp[i] + t.plogp[j]) - mlogm) * INV_LN2;
      js = js < 0 ? 0 : (js > 1 ? 1 : js);
      long a = t.caps[i];
      long b = t.caps[j];
      int union = Long.bitCount(a | b);
      double comp = union == 0 ? 0 : (double) Long.bitCount(a ^ b) / union;
      return g * (alpha * (1 - js) + beta * comp);
    }
  }

  static final class Generic extends PairKernel {
    private final ValueFunction f;
    private final AgentTable t;

    Generic(ValueFunction f, AgentTable t) {
      this.f = f;
      this.t = t;
    }

    @Override
    double weight(int i, int j, int d) {
      double w = f.pairWeight(t.agent[i], t.agent[j], d);
      if (!Double.isFinite(w)) {
        throw new IllegalStateException("value function " + f.getClass().getName() + " returned pairWeight " + w
            + " for agents " + t.id[i] + " and " + t.id[j] + " at distance " + d + " (must be finite)");
      }
      return w;
    }
  }
}
