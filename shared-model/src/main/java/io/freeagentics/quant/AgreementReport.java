package io.freeagentics.quant;

/**
 * How closely the int8 population followed the float population over {@code agentSteps} agent-steps
 * ({@code agents} agents for {@code steps} steps):
 * <ul>
 *   <li>{@code sameActions}: agent-steps on which both chose the same action in every factor;</li>
 *   <li>{@code tieAwareSameActions}: agent-steps on which, in every factor, the int8 engine's action has a float
 *       probability within {@code tieTolerance} of the float engine's largest, that is, the int8 choice is one of
 *       the float engine's best actions to within the float engine's own accuracy against the double-precision
 *       reference (1e-3 on action probabilities);</li>
 *   <li>{@code nearTieSteps}: agent-steps on which the float engine's two most probable actions of some factor
 *       were within {@code tieTolerance}, and {@code nearTieDisagreements} the disagreements among them;</li>
 *   <li>the L1 distance between their beliefs after each step (per agent-step the mean over factors of
 *       {@code sum_s |q_int8(s) - q_float(s)|}), its mean and maximum.</li>
 * </ul>
 */
public record AgreementReport(
    String model,
    int agents,
    int steps,
    long agentSteps,
    long sameActions,
    long tieAwareSameActions,
    double meanL1,
    double maxL1,
    double tieTolerance,
    long nearTieSteps,
    long nearTieDisagreements) {

  public AgreementReport {
    if (agentSteps < 1 || sameActions < 0 || sameActions > tieAwareSameActions || tieAwareSameActions > agentSteps) {
      throw new IllegalArgumentException("need 0 <= sameActions <= tieAwareSameActions <= agentSteps, agentSteps >= 1"
          + " but had " + sameActions + ", " + tieAwareSameActions + ", " + agentSteps);
    }
    if (nearTieDisagreements < 0 || nearTieDisagreements > nearTieSteps || nearTieSteps > agentSteps) {
      throw new IllegalArgumentException("need 0 <= nearTieDisagreements <= nearTieSteps <= agentSteps but had "
          + nearTieDisagreements + ", " + nearTieSteps + ", " + agentSteps);
    }
  }

  /** Share of agent-steps with the same action in every factor. */
  public double sameActionRatio() {
    return (double) sameActions / agentSteps;
  }

  /** Share of agent-steps on which the int8 action was one of the float engine's best within the tolerance. */
  public double tieAwareRatio() {
    return (double) tieAwareSameActions / agentSteps;
  }

  /** Agent-steps on which the engines chose differently. */
  public long disagreements() {
    return agentSteps - sameActions;
  }

  /** Pools several reports (of possibly different models) into one, weighting each by its agent-steps. */
  public static AgreementReport pooled(String name, java.util.List<AgreementReport> reports) {
    if (reports == null || reports.isEmpty()) {
      throw new IllegalArgumentException("reports must hold at least one report");
    }
    long agentSteps = 0;
    long same = 0;
    long tieAware = 0;
    long nearTies = 0;
    long nearTieDisagreements = 0;
    double l1 = 0;
    double maxL1 = 0;
    int steps = 0;
    int agents = 0;
    for (AgreementReport r : reports) {
      agentSteps += r.agentSteps();
      same += r.sameActions();
      tieAware += r.tieAwareSameActions();
      nearTies += r.nearTieSteps();
      nearTieDisagreements += r.nearTieDisagreements();
      l1 += r.meanL1() * r.agentSteps();
      maxL1 = Math.max(maxL1, r.maxL1());
      steps += r.steps();
      agents = Math.max(agents, r.agents());
    }
    return new AgreementReport(name, agents, steps, agentSteps, same, tieAware, l1 / agentSteps, maxL1,
        reports.get(0).tieTolerance(), nearTies, nearTieDisagreements);
  }
}
