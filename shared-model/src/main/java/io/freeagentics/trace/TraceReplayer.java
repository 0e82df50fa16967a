package io.freeagentics.trace;

import io.freeagentics.engine.ReferenceAgent;
import io.freeagentics.engine.StepResult;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a trace through the {@link ReferenceAgent}: each step gets the recorded observation and previous action,
 * and every number the agent computes is compared with the recording. Probabilities ({@code qs}, {@code q_pi},
 * {@code p_action}) are compared with an absolute tolerance, {@code neg_efe}, {@code vfe} and the learnt Dirichlet
 * counts with a relative one, {@code |x − y| / max(|y|, 1e-6)}.
 */
public final class TraceReplayer {
  /** The default tolerance, absolute for probabilities and relative otherwise. */
  public static final double DEFAULT_TOLERANCE = 1e-9;
  private static final double RELATIVE_FLOOR = 1e-6;

  private final double tolerance;

  public TraceReplayer() {
    this(DEFAULT_TOLERANCE);
  }

  public TraceReplayer(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be a non-negative number but was " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /** Replays every step of {@code trace} and reports the largest error of each quantity. */
  public ReplayReport replay(Trace trace) {
    ReferenceAgent agent = new ReferenceAgent(trace.model(), trace.settings());
    Tracker qs = new Tracker("qs", false);
    Tracker qPi = new Tracker("q_pi", false);
    Tracker negEfe = new Tracker("neg_efe", true);
    Tracker pAction = new Tracker("p_action", false);
    Tracker vfe = new Tracker("vfe", true);
    for (int i = 0; i < trace.steps().size(); i++) {
      TraceStep step = trace.steps().get(i);
      StepResult result = agent.step(step.observation(), step.previousAction());
      qs.compare(i, result.qs(), step.qs());
      qPi.compare(i, result.qPi(), step.qPi());
      negEfe.compare(i, result.negEfe(), step.negEfe());
      pAction.compare(i, result.pAction(), step.pAction());
      vfe.compare(i, new double[] {result.vfe()}, new double[] {step.vfe()});
    }
    List<QuantityError> errors = new ArrayList<>(List.of(qs.result(), qPi.result(), negEfe.result(),
        pAction.result(), vfe.result()));
    compareFinal("final pA", agent.learnedPA(), trace.finalPA(), errors);
    compareFinal("final pB", agent.learnedPB(), trace.finalPB(), errors);
    return new ReplayReport(trace.name(), trace.steps().size(), errors);
  }

  private void compareFinal(String name, Optional<List<Tensor>> actual, List<Tensor> recorded,
      List<QuantityError> errors) {
    if (recorded == null) {
      return;
    }
    Tracker tracker = new Tracker(name, true);
    if (actual.isEmpty()) {
      tracker.mismatch(-1, "recorded but the model has no such parameters");
    } else if (actual.get().size() != recorded.size()) {
      tracker.mismatch(-1, "replay has " + actual.get().size() + " arrays, recording " + recorded.size());
    } else {
      for (int i = 0; i < recorded.size(); i++) {
        if (!actual.get().get(i).sameShape(recorded.get(i))) {
          tracker.mismatch(-1, "array " + i + " has another shape");
        } else {
          tracker.compare(-1, actual.get().get(i).toArray(), recorded.get(i).toArray());
        }
      }
    }
    errors.add(tracker.result());
  }

  /** Keeps the largest error of one quantity over all steps. */
  private final class Tracker {
    private final String quantity;
    private final boolean relative;
    private double worst;
    private int worstStep = -1;
    private boolean compared;
    private String detail = "";

    Tracker(String quantity, boolean relative) {
      this.quantity = quantity;
      this.relative = relative;
    }

    void compare(int step, double[][] actual, double[][] recorded) {
      if (actual.length != recorded.length) {
        mismatch(step, "replay has " + actual.length + " factors, recording " + recorded.length);
        return;
      }
      for (int f = 0; f < actual.length; f++) {
        compare(step, actual[f], recorded[f]);
      }
    }

    void compare(int step, double[] actual, double[] recorded) {
      if (actual.length != recorded.length) {
        mismatch(step, "replay has " + actual.length + " entries, recording " + recorded.length);
        return;
      }
      for (int i = 0; i < actual.length; i++) {
        double difference = Math.abs(actual[i] - recorded[i]);
        double error = relative ? difference / Math.max(Math.abs(recorded[i]), RELATIVE_FLOOR) : difference;
        if (Double.isNaN(error)) {
          error = Double.POSITIVE_INFINITY;
        }
        if (error > worst || !compared) {
          worst = error;
          worstStep = step;
          compared = true;
        }
      }
    }

    void mismatch(int step, String why) {
      worst = Double.POSITIVE_INFINITY;
      worstStep = step;
      compared = true;
      detail = why;
    }

    QuantityError result() {
      return new QuantityError(quantity, worst, relative, tolerance, worstStep, detail);
    }
  }
}
